package dev.spindle.internal.queue;

/**
 * Points inside a queue's critical sections where a test of this package can hold a thread (and
 * kill its process there) instead of hoping to hit the moment. Each is a no-op unless a test
 * sets it; the cost is one volatile read per put or get.
 */
final class QueueWindows {
    private static final Runnable NOTHING = () -> { };

    /**
     * A put has written its item (and, in the slow lane, its pending record), and not yet
     * committed.
     */
    static volatile Runnable putBeforeCommit = NOTHING;
    /** A put of the fast lane has claimed its ticket (its commit), and not yet published its slot. */
    static volatile Runnable putAfterClaim = NOTHING;
    /** A get has copied its item (and, in the slow lane, written its pending record), and not yet committed. */
    static volatile Runnable getBeforeCommit = NOTHING;
    /** A get has found the fast lane empty, and not yet looked into the slow lane. */
    static volatile Runnable getAfterLaneEmpty = NOTHING;
    /** A get has committed, and not yet fetched its item from its own segment (or returned). */
    static volatile Runnable getAfterCommit = NOTHING;
    /** An immediate shutdown has dropped one item, holding both locks, and may have more to drop. */
    static volatile Runnable dropAfterOne = NOTHING;
    /** An immediate shutdown has frozen the fast lane, holding both locks, and not yet moved the shutdown word. */
    static volatile Runnable shutdownAfterFreeze = NOTHING;

    private QueueWindows() {}

    static void reset() {
        putBeforeCommit = NOTHING;
        getBeforeCommit = NOTHING;
        getAfterCommit = NOTHING;
        dropAfterOne = NOTHING;
        putAfterClaim = NOTHING;
        shutdownAfterFreeze = NOTHING;
        getAfterLaneEmpty = NOTHING;
    }
}
