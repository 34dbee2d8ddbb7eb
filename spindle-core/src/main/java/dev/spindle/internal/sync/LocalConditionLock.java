package dev.spindle.internal.sync;

/** What a {@link LocalCondition} needs of its lock beyond {@link ConditionLock}: to wake a signalled waiter when the lock is free. */
interface LocalConditionLock extends ConditionLock {
    /** Unparks {@code waiter} when the lock is next released (at once if it is free). */
    void wakeOnRelease(Thread waiter);
}
