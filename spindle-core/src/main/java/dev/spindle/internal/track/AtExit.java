package dev.spindle.internal.track;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Spindle's one shutdown hook. The JDK runs hooks concurrently and in no order, and cleanup has an
 * order: a pool must not replace a worker after the segments are unlinked (that left a pipe
 * segment behind when {@code main} returned without closing its pool), and children must be gone
 * before the files they use are removed. So every cleanup registers here, in a {@link Phase}, and
 * one hook runs the phases in order. From the moment the hook starts, {@link #exiting()} is true:
 * nothing new should be started then.
 */
public final class AtExit {
    /** The order of cleanup at exit. */
    public enum Phase {
        /** Processes this JVM started: terminated and reaped. */
        CHILDREN,
        /** Files and segments outside the heap: removed. */
        FILES
    }

    private static final Map<Phase, List<Runnable>> ACTIONS = new EnumMap<>(Phase.class);
    private static volatile boolean exiting;

    static {
        for (Phase phase : Phase.values()) {
            ACTIONS.put(phase, new CopyOnWriteArrayList<>());
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("spindle-exit").unstarted(AtExit::run));
    }

    private AtExit() {}

    /** Runs {@code action} in {@code phase} when this JVM exits normally (not on SIGKILL or halt). */
    public static void register(Phase phase, Runnable action) {
        ACTIONS.get(phase).add(action);
    }

    /** True once this JVM has begun to exit: start no worker, child or segment from then on. */
    public static boolean exiting() {
        return exiting;
    }

    private static void run() {
        exiting = true;
        for (Phase phase : Phase.values()) {
            for (Runnable action : ACTIONS.get(phase)) {
                try {
                    action.run();
                } catch (RuntimeException | Error e) {
                    // One failed cleanup must not keep the rest from running.
                    System.getLogger(AtExit.class.getName()).log(System.Logger.Level.WARNING, "a cleanup at exit failed", e);
                }
            }
        }
    }
}
