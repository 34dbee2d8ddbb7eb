package dev.spindle.futures;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.Pool;

/**
 * Python's {@code concurrent.futures.ProcessPoolExecutor}: tasks run in worker processes (child
 * JVMs) with everything {@link Pool} offers — a dead worker fails only its running task, per-task
 * timeouts, {@code cancel(true)} that stops a running task, {@code maxTasksPerChild}, an
 * initializer. Done-callbacks ({@code whenComplete}) run in this process, in the executor's result
 * thread, one after another.
 *
 * <pre>{@code
 * try (ProcessPoolExecutor executor = new ProcessPoolExecutor(4)) {
 *     CompletableFuture<Boolean> f = executor.submit(Primes::isPrime, 112272535095293L);
 *     f.whenComplete((prime, error) -> System.out.println(prime));
 * }
 * }</pre>
 */
public final class ProcessPoolExecutor extends PoolExecutor {
    /** {@link Spindle#cpuCount()} worker processes. */
    public ProcessPoolExecutor() {
        this(Spindle.cpuCount());
    }

    /** {@code maxWorkers} worker processes of the default context ({@link Context#processes()}, or {@link Spindle#poolContext()}). */
    public ProcessPoolExecutor(int maxWorkers) {
        this(Pool.builder().processes(maxWorkers));
    }

    /**
     * Worker processes as {@code builder} describes them (context and so start method,
     * initializer, maxTasksPerChild, task timeout, retries, JVM options): Python's
     * {@code ProcessPoolExecutor(max_workers, mp_context, initializer, ...)}.
     *
     * @throws IllegalArgumentException if the builder's workers are threads
     */
    public ProcessPoolExecutor(Pool.Builder builder) {
        super(requireKind(builder, true), false);
    }
}
