package dev.spindle.internal.values;

import dev.spindle.sync.Lock;

/**
 * What a shared value and a shared array have alike: the lock that guards them, or none for a
 * raw one (Python's {@code get_lock()}, and its absence on {@code RawValue}/{@code RawArray}).
 */
abstract class Guarded {
    private final Lock lock;
    private final String raw;

    /**
     * @param lock the lock; null for a raw one
     * @param raw  what Python calls the raw kind ({@code RawValue}, {@code RawArray}), for the message
     */
    Guarded(Lock lock, String raw) {
        this.lock = lock;
        this.raw = raw;
    }

    /** The lock (Python's {@code get_lock()}); UnsupportedOperationException for a raw one. */
    public final Lock getLock() {
        if (lock == null) {
            throw new UnsupportedOperationException("a " + raw + " has no lock; make it locked (value(...), array(...))");
        }
        return lock;
    }

    /** Whether there is a lock: false for a raw one. */
    public final boolean hasLock() {
        return lock != null;
    }

    /** The lock, or null for a raw one: how it travels with its value or array. */
    final Lock lockOrNull() {
        return lock;
    }
}
