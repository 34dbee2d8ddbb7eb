package dev.spindle.internal.values;

import dev.spindle.sync.RLock;

/**
 * The lock of a shared value or array, or none for a raw one (Python's {@code get_lock()} and its
 * absence on {@code RawValue}/{@code RawArray}).
 *
 * @param lock the lock; null for a raw one
 * @param raw  what Python calls the raw kind ({@code RawValue}, {@code RawArray}), for the message
 */
record Guard(RLock lock, String raw) {
    /** The lock; UnsupportedOperationException for a raw one. */
    RLock required() {
        if (lock == null) {
            throw new UnsupportedOperationException("a " + raw + " has no lock; make it locked (value(...), array(...))");
        }
        return lock;
    }

    boolean present() {
        return lock != null;
    }
}
