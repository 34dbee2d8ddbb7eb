package dev.spindle.internal.pool;

/**
 * Points inside the pool's race windows where a test of this package can hold a thread, to drive
 * a race deterministically instead of hoping for it. Each is a no-op unless a test sets it; the
 * cost in a pool is one volatile read where a task changes hands.
 */
final class RaceWindows {
    private static final Runnable NOTHING = () -> { };

    /** A thread worker has taken a task and not yet registered its run (a cancel now finds no run). */
    static volatile Runnable takenNotRunning = NOTHING;
    /** An abort of a thread worker's task has found its run and not yet interrupted it. */
    static volatile Runnable abortBeforeInterrupt = NOTHING;
    /** The watchdog has found a worker's task overdue and not yet claimed its kill. */
    static volatile Runnable overdueBeforeClaim = NOTHING;
    /** A remote pool's dispatcher has taken a batch from the engine and not yet recorded it as handed over. */
    static volatile Runnable batchTakenNotRecorded = NOTHING;

    private RaceWindows() {}

    /** Puts every point back to a no-op. */
    static void reset() {
        takenNotRunning = NOTHING;
        abortBeforeInterrupt = NOTHING;
        overdueBeforeClaim = NOTHING;
        batchTakenNotRecorded = NOTHING;
    }
}
