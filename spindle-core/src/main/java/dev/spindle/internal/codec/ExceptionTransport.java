package dev.spindle.internal.codec;

import dev.spindle.ReadLimits;
import dev.spindle.RemoteException;
import dev.spindle.RemoteTraceback;
import java.io.Serializable;

/**
 * Carries an exception between processes. The portable part (class name, message, frames, causes)
 * always crosses; the original object crosses too when it serializes, and is preferred on arrival
 * when it deserializes, so callers can still match on its type.
 */
public final class ExceptionTransport {
    private ExceptionTransport() {}

    /** One exception of a cause chain, in a form that always serializes. */
    record Portable(String className, String message, StackTraceElement[] frames, Portable cause)
            implements Serializable {}

    /** What crosses: the portable chain and, if it encoded, the original exception's bytes. */
    record Packet(Portable portable, byte[] original) implements Serializable {}

    /** Encodes {@code error} for another process; never fails. */
    public static byte[] encode(Throwable error) {
        byte[] original;
        try {
            original = Codec.get().encode(error);
        } catch (RuntimeException notSerializable) {
            original = null;
        }
        return Codec.get().encode(new Packet(portable(error, 0), original));
    }

    /**
     * Rebuilds the exception sent by {@link #encode} from the process {@code processName}
     * ({@code pid}): the original when its class can be re-created here, else a
     * {@link RemoteException} standing in for it; either way with a {@link RemoteTraceback}
     * naming the process attached as a suppressed exception.
     */
    public static Throwable decode(byte[] bytes, String processName, long pid) {
        Throwable error = decode(bytes);
        error.addSuppressed(new RemoteTraceback(processName, pid));
        return error;
    }

    /**
     * The exception sent by {@link #encode} in its portable form only — a {@link RemoteException}
     * naming the original class, with its message, frames and causes — and a
     * {@link RemoteTraceback}: nothing of the original object is deserialized, for a process that
     * must not run the code of classes it was only handed (a cluster's worker host).
     */
    public static Throwable decodePortable(byte[] bytes, String processName, long pid) {
        Packet packet = (Packet) Codec.get().decode(bytes, ReadLimits.valuesOnly());
        Throwable error = standIn(packet.portable());
        error.addSuppressed(new RemoteTraceback(processName, pid));
        return error;
    }

    static Throwable decode(byte[] bytes) {
        Packet packet = (Packet) Codec.get().decode(bytes);
        if (packet.original() != null) {
            try {
                if (Codec.get().decode(packet.original()) instanceof Throwable t) {
                    return t;
                }
            } catch (RuntimeException classMissingHere) {
                // fall back to the portable form
            }
        }
        return standIn(packet.portable());
    }

    private static Portable portable(Throwable t, int depth) {
        Throwable cause = t.getCause();
        return new Portable(t.getClass().getName(), t.getMessage(), t.getStackTrace(),
                cause == null || cause == t || depth > 32 ? null : portable(cause, depth + 1));
    }

    private static RemoteException standIn(Portable p) {
        RemoteException t = new RemoteException(p.className(), p.message(), p.cause() == null ? null : standIn(p.cause()));
        t.setStackTrace(p.frames());
        return t;
    }
}
