package dev.spindle.internal.transfer;

import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.track.ProcessIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * An encoding done on behalf of a known destination process. Objects that stand for a shared
 * resource (a pipe end) register the destination as a holder while they are written, before the
 * child could possibly have read them, so that no end looks closed in between. If the encoding
 * fails, those registrations are undone.
 */
public final class Transfer {
    private static final ThreadLocal<Transfer> CURRENT = new ThreadLocal<>();

    private final ProcessIdentity destination;
    private final List<Runnable> undo = new ArrayList<>();

    private Transfer(ProcessIdentity destination) {
        this.destination = destination;
    }

    /** Encodes {@code value} for the process {@code destination}. */
    public static byte[] encodeFor(ProcessIdentity destination, Object value) {
        Transfer transfer = new Transfer(destination);
        CURRENT.set(transfer);
        try {
            return Codec.get().encode(value);
        } catch (RuntimeException e) {
            transfer.undo.forEach(Runnable::run);
            throw e;
        } finally {
            CURRENT.remove();
        }
    }

    /** The transfer this thread is encoding for, or null outside {@link #encodeFor}. */
    public static Transfer current() {
        return CURRENT.get();
    }

    /** The process that will decode the object. */
    public ProcessIdentity destination() {
        return destination;
    }

    /** Runs {@code action} if this encoding fails. */
    public void onFailure(Runnable action) {
        undo.add(action);
    }
}
