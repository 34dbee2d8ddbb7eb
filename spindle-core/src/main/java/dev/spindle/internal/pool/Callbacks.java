package dev.spindle.internal.pool;

/**
 * Runs the user's callbacks (apply_async callbacks, progress listeners) so that one that throws
 * never changes a task's outcome: its exception is logged, as concurrent.futures logs
 * "exception calling callback", and the pool goes on.
 */
public final class Callbacks {
    private Callbacks() {}

    /** Runs {@code callback}; if it throws, logs the exception (logger {@code owner}) and returns. */
    public static void runGuarded(Class<?> owner, Object about, Runnable callback) {
        try {
            callback.run();
        } catch (Throwable e) {
            System.getLogger(owner.getName()).log(System.Logger.Level.ERROR, "exception calling callback for " + about, e);
        }
    }
}
