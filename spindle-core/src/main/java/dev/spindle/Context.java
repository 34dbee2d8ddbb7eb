package dev.spindle;

import dev.spindle.futures.PoolExecutor;
import dev.spindle.futures.ProcessPoolExecutor;
import dev.spindle.futures.ThreadPoolExecutor;
import dev.spindle.multiprocessing.Pool;

/**
 * One API over backends (Python's {@code multiprocessing} vs {@code multiprocessing.dummy}): a
 * context hands out pools and executors whose tasks run in worker processes, platform threads or
 * virtual threads, so a program moves between them by changing one line.
 *
 * <pre>{@code
 * Context ctx = Context.threads();          // or Context.processes()
 * try (Pool pool = ctx.pool(4)) {
 *     pool.map(Work::run, items);
 * }
 * }</pre>
 *
 * <p>With threads, functions and values are shared, not copied, and a task that times out is
 * interrupted rather than killed. Everything else behaves the same.
 */
public abstract sealed class Context {
    private static final Context PROCESSES = new Processes();
    private static final Context THREADS = new Threads();
    private static final Context VIRTUAL_THREADS = new VirtualThreads();

    private Context() {}

    /** Worker processes (child JVMs): the default context, behind {@link Spindle}. */
    public static Context processes() {
        return PROCESSES;
    }

    /** Platform threads of this JVM. */
    public static Context threads() {
        return THREADS;
    }

    /** Virtual threads of this JVM: one per task, with no limit on how many run at once. */
    public static Context virtualThreads() {
        return VIRTUAL_THREADS;
    }

    /** A builder for a pool of this context, to set an initializer, timeouts and so on. */
    public abstract Pool.Builder poolBuilder(int workers);

    /** A pool of {@link Spindle#cpuCount()} workers. */
    public Pool pool() {
        return pool(Spindle.cpuCount());
    }

    /** A pool of {@code workers} workers (ignored by virtual threads). */
    public Pool pool(int workers) {
        return poolBuilder(workers).build();
    }

    /** An executor of {@code workers} workers (ignored by virtual threads). */
    public abstract PoolExecutor executor(int workers);

    private static final class Processes extends Context {
        @Override
        public Pool.Builder poolBuilder(int workers) {
            return Pool.builder().processes(workers);
        }

        @Override
        public PoolExecutor executor(int workers) {
            return new ProcessPoolExecutor(workers);
        }

        @Override
        public String toString() {
            return "Context.processes()";
        }
    }

    private static final class Threads extends Context {
        @Override
        public Pool.Builder poolBuilder(int workers) {
            return Pool.builder().threads(workers);
        }

        @Override
        public PoolExecutor executor(int workers) {
            return new ThreadPoolExecutor(workers);
        }

        @Override
        public String toString() {
            return "Context.threads()";
        }
    }

    private static final class VirtualThreads extends Context {
        @Override
        public Pool.Builder poolBuilder(int workers) {
            return Pool.builder().virtualThreads();
        }

        @Override
        public PoolExecutor executor(int workers) {
            return new ThreadPoolExecutor(Pool.builder().virtualThreads());
        }

        @Override
        public String toString() {
            return "Context.virtualThreads()";
        }
    }
}
