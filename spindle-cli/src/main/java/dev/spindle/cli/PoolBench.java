package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.examples.futures.Primes;
import dev.spindle.futures.PoolExecutor;
import dev.spindle.futures.ProcessPoolExecutor;
import dev.spindle.futures.ThreadPoolExecutor;
import dev.spindle.insights.Progress;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.StartMethod;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The pool suite: the same workloads as CPython's script — Pool(2).map over 100,000 tiny tasks
 * (chunk size 1, and automatic), 20,000 submits to ProcessPoolExecutor(2), and the seed's prime
 * check serially, on 2 threads and on 2 processes; the map with insights recorded beside it off,
 * and a progress bar's update beside tqdm's. Pools are made before timing, as the script
 * makes them, and closed after each round; each round begins with {@link #WARM_UPS} untimed runs,
 * for {@link #WARM_UP} at least, since the JIT compiles the code paths of the parent and of fresh
 * workers over many runs.
 */
final class PoolBench {
    private static final int MAP_TASKS = 100_000;
    private static final int SUBMITS = 20_000;
    private static final int WORKERS = 2;
    private static final int[] CURVE_WORKERS = {1, 4, 8};
    /**
     * Until both the parent's JIT (the pool's own code paths) and the workers' (the task loop, the
     * prime check) have settled, the compiler threads take CPU from the workers on 2 cores.
     */
    private static final int WARM_UPS = 10;
    /**
     * And for at least this long: on 2 cores fresh workers' compilers are still at work well past
     * ten maps (maps 11-25 of a new pool took 10-27 ms, settled ones 3-5 ms). CPython's script
     * warms up as long, so both sides run the same workload.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private PoolBench() {}

    static int square(int x) {
        return x * x;
    }

    static void run(int runs, ComparedReport report) throws Exception {
        // The start-up cache is trained by a background JVM on first use: let it finish, not compete.
        Context.processes(StartMethod.SPAWN).warmUp(Duration.ofMinutes(2));
        report.figure("pool.map.chunk1.tasks_per_s", "tasks/s", runs, () -> warmed(Pool.of(WORKERS), pool -> mapRate(pool, 1)),
                null, null);
        // The same map on 1, 4 and 8 workers: a curve (2 is the figure above), flat past 2 on 2 cores.
        for (int workers : CURVE_WORKERS) {
            report.figure("pool.map.chunk1.workers_" + workers + ".tasks_per_s", "tasks/s", runs,
                    () -> warmed(Pool.of(workers), pool -> mapRate(pool, 1)), null, null);
        }
        // What recording insights costs: the same map with them on, and off, in the same rounds.
        report.figure("pool.map.chunk1.insights_on.tasks_per_s", "tasks/s", runs,
                () -> warmed(Pool.builder().processes(WORKERS).insights(true).build(), pool -> mapRate(pool, 1)),
                "insights off", () -> warmed(Pool.builder().processes(WORKERS).insights(false).build(), pool -> mapRate(pool, 1)));
        report.figure("pool.map.auto.tasks_per_s", "tasks/s", runs, () -> warmed(Pool.of(WORKERS), pool -> mapRate(pool, 0)),
                null, null);
        report.figure("executor.submit.tasks_per_s", "tasks/s", runs,
                () -> warmed(new ProcessPoolExecutor(WORKERS), PoolBench::submitRate), null, null);
        int primeRuns = Math.max(5, runs);
        report.figure("primes.serial_s", "s", primeRuns, () -> warmed((PoolExecutor) null, none -> serialPrimes()), null, null);
        report.figure("primes.threads_s", "s", primeRuns, () -> warmed(new ThreadPoolExecutor(WORKERS), PoolBench::primesOn),
                null, null);
        report.figure("primes.processes_s", "s", primeRuns,
                () -> warmed(new ProcessPoolExecutor(WORKERS), PoolBench::primesOn), null, null);
        report.figure("progress.update_ns", "ns", primeRuns, () -> warmed((PoolExecutor) null, none -> progressUpdateNanos()),
                null, null);
    }

    private static final int PROGRESS_UPDATES = 20_000_000;

    /** One update of a bar whose output is a log (a plain line at most every 5 s), as tqdm's to a file. */
    private static double progressUpdateNanos() {
        try (Progress bar = Progress.builder().output(new PrintStream(OutputStream.nullOutputStream())).total(PROGRESS_UPDATES)
                .terminal(false).build()) {
            long t0 = System.nanoTime();
            for (int i = 0; i < PROGRESS_UPDATES; i++) {
                bar.update(1);
            }
            double nanos = (double) (System.nanoTime() - t0) / PROGRESS_UPDATES;
            check(bar.count() == PROGRESS_UPDATES);
            return nanos;
        }
    }

    /** One timed run on a pool or executor. */
    @FunctionalInterface
    private interface Run<T> {
        double on(T target) throws Exception;
    }

    /** {@code run} on {@code target} (null for none), after the warm-ups; closing the workload closes the target. */
    @SuppressWarnings("try") // a Workload's close may wait for children, so it may be interrupted
    private static <T extends AutoCloseable> Workload warmed(T target, Run<T> run) throws Exception {
        return Workload.warmed(new Workload() {
            @Override
            public double sample() throws Exception {
                return run.on(target);
            }

            @Override
            public void close() throws Exception {
                if (target != null) {
                    target.close();
                }
            }
        }, WARM_UPS, WARM_UP);
    }

    private static double mapRate(Pool pool, int chunksize) {
        long t0 = System.nanoTime();
        // The items are made inside the timing, as CPython's map makes its list of range(100000).
        List<Integer> items = IntStream.range(0, MAP_TASKS).boxed().toList();
        List<Integer> squares = chunksize == 0 ? pool.map(PoolBench::square, items) : pool.map(PoolBench::square, items, chunksize);
        double seconds = (System.nanoTime() - t0) / 1e9;
        check(squares.size() == MAP_TASKS && squares.get(MAP_TASKS - 1) == square(MAP_TASKS - 1));
        return MAP_TASKS / seconds;
    }

    private static double submitRate(ProcessPoolExecutor executor) throws Exception {
        long t0 = System.nanoTime();
        List<CompletableFuture<Integer>> futures = new ArrayList<>(SUBMITS);
        for (int i = 0; i < SUBMITS; i++) {
            futures.add(executor.submit(PoolBench::square, i));
        }
        long sum = 0;
        for (CompletableFuture<Integer> f : futures) {
            sum += f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        check(sum > 0);
        return SUBMITS / seconds;
    }

    private static double serialPrimes() {
        long t0 = System.nanoTime();
        int primes = 0;
        for (long n : Primes.PRIMES) {
            primes += Primes.isPrime(n) ? 1 : 0;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        check(primes == 60);
        return seconds;
    }

    private static double primesOn(PoolExecutor executor) {
        long t0 = System.nanoTime();
        long primes = executor.map(Primes::isPrime, Primes.PRIMES).filter(p -> p).count();
        double seconds = (System.nanoTime() - t0) / 1e9;
        check(primes == 60);
        return seconds;
    }

    private static void check(boolean right) {
        if (!right) {
            throw new IllegalStateException("the benchmark computed a wrong result");
        }
    }
}
