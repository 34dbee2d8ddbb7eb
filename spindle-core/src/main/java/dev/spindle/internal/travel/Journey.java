package dev.spindle.internal.travel;

import dev.spindle.internal.track.ProcessIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One encoding, as shareable objects see it while they are written ({@link Travel}): where it
 * goes, if known, and what to undo if it fails. A child's target is encoded for that child, so a
 * pipe end registers the child as a holder before the child could read it. A pipe message or a
 * pool task goes to whichever process reads it, so an end is held <em>in transit</em> on the
 * sender's behalf until the receiver attaches it.
 */
public final class Journey {
    private static final ThreadLocal<Journey> CURRENT = new ThreadLocal<>();

    private final ProcessIdentity destination;
    private final List<Runnable> undo = new ArrayList<>();

    private Journey(ProcessIdentity destination) {
        this.destination = destination;
    }

    /** Runs {@code encoding} as a journey to {@code destination}, a process known now. */
    public static <T> T to(ProcessIdentity destination, Supplier<T> encoding) {
        return run(new Journey(destination), encoding);
    }

    /**
     * Runs {@code encoding} as a journey to a process not known yet, unless it is part of a
     * journey in progress on this thread (a value encoded while encoding a child's target).
     */
    public static <T> T toAnyReader(Supplier<T> encoding) {
        return CURRENT.get() != null ? encoding.get() : run(new Journey(null), encoding);
    }

    private static <T> T run(Journey journey, Supplier<T> encoding) {
        Journey outer = CURRENT.get();
        CURRENT.set(journey);
        try {
            return encoding.get();
        } catch (RuntimeException | Error e) {
            journey.undo.forEach(Runnable::run);
            throw e;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The journey in progress on this thread; one to any reader outside {@link #to}. */
    static Journey current() {
        Journey journey = CURRENT.get();
        return journey != null ? journey : new Journey(null);
    }

    /** The process that will read the object, if it is known. */
    public Optional<ProcessIdentity> destination() {
        return Optional.ofNullable(destination);
    }

    /** Runs {@code action} if this encoding fails. */
    public void onFailure(Runnable action) {
        undo.add(action);
    }
}
