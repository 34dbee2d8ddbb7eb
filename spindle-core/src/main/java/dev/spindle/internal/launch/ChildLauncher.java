package dev.spindle.internal.launch;

import java.time.Duration;
import java.util.List;

/**
 * Starts child JVMs one way: one implementation per start method, as CPython has one
 * {@code Popen} class per start method. {@link Launchers#of} gives the one for a
 * {@link dev.spindle.multiprocessing.StartMethod}.
 */
public interface ChildLauncher {
    /**
     * A child JVM, started or taken, that can load {@code target} (the class of the code it will
     * run; null for Spindle's own) and waits for its target on stdin.
     *
     * @throws IllegalStateException if no child JVM could load {@code target} (see
     *                               {@link ChildClassPath#requireReachable})
     */
    default ChildHandle start(List<String> jvmOptions, Class<?> target) {
        return start(jvmOptions, target, "");
    }

    /**
     * As {@link #start(List, Class)}, with {@code addedClassPath} (entries joined by the path
     * separator; "" for none) after everything else on the child's class path: a cluster
     * client's shipped class path.
     */
    ChildHandle start(List<String> jvmOptions, Class<?> target, String addedClassPath);

    /** Readies this way of starting so that the first start does not pay for it; true if ready by the deadline. */
    boolean warmUp(Duration timeout) throws InterruptedException;
}
