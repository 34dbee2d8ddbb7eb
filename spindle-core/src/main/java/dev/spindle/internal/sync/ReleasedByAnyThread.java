package dev.spindle.internal.sync;

import dev.spindle.sync.Lock;

/**
 * A non-reentrant lock any thread may release (Python's {@code Lock}), as its condition sees it:
 * held for a wait or a signal when anyone holds it (as Python checks), let go once for a wait and
 * taken back once after.
 */
interface ReleasedByAnyThread extends Lock, ConditionLock {
    @Override
    default boolean heldForCondition() {
        return isLocked();
    }

    @Override
    default int releaseForWait() {
        unlock();
        return 1;
    }

    @Override
    default void reacquireAfterWait(int holds) {
        lock();
    }
}
