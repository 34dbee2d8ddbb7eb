package dev.spindle.futures;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.Pool;

/**
 * Python's {@code concurrent.futures.ThreadPoolExecutor}, with the API of
 * {@link ProcessPoolExecutor}: tasks run in this JVM's threads, and a done-callback runs in the
 * worker thread that finished the task, as in Python. (Not to be confused with
 * {@link java.util.concurrent.ThreadPoolExecutor}.)
 */
public final class ThreadPoolExecutor extends PoolExecutor {
    /** Python's default: {@code min(32, cpuCount + 4)} threads. */
    public ThreadPoolExecutor() {
        this(Math.min(32, Spindle.cpuCount() + 4));
    }

    /** {@code maxWorkers} platform threads. */
    public ThreadPoolExecutor(int maxWorkers) {
        this(Context.threads().poolBuilder(maxWorkers));
    }

    /**
     * Threads as {@code builder} describes them: a builder of {@link Context#threads()} or
     * {@link Context#virtualThreads()}.
     *
     * @throws IllegalArgumentException if the builder's workers are processes
     */
    public ThreadPoolExecutor(Pool.Builder builder) {
        super(requireKind(builder, false), true);
    }
}
