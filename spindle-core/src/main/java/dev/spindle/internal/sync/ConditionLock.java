package dev.spindle.internal.sync;

/** What a cross-process condition needs of its lock: to check it is held, and to let it go for a wait. */
interface ConditionLock {
    /** Whether the caller may wait or signal: an RLock held by this thread, a Lock held by anyone (as Python checks). */
    boolean heldForCondition();

    /** Releases the lock entirely (an RLock however deep); what {@link #reacquireAfterWait} needs to restore. */
    int releaseForWait();

    /** Takes the lock back, uninterruptibly, as deep as it was held. */
    void reacquireAfterWait(int holds);
}
