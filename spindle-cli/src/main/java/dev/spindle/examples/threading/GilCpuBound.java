package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.Pool;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * 300 tasks that each sum range(10^6), serially, on 300 threads and on a pool of worker processes.
 * CPython's GIL lets one thread run at a time, so its threads are no faster than serial (seed:
 * threads 15 s, processes 10 s on 4 cores). Java has no GIL: its threads run on every core, and
 * processes still work, at the cost of starting JVMs. Each way runs twice and the second is timed,
 * so that the JIT has compiled {@code work} where it runs.
 */
public final class GilCpuBound extends Example {
    private static final int TASKS = 300;

    public GilCpuBound() {
        super("gil-cpu-bound", "300 CPU-bound tasks: Java threads scale over cores (no GIL); processes work too",
                "run time is: elapsed seconds; 主线程: main thread");
    }

    static long work(int task) {
        long res = 0;
        for (int i = 0; i < 1_000_000; i++) {
            res += i ^ task; // depends on the task, so that the JIT cannot fold the 300 sums into one
        }
        return res;
    }

    @Override
    public void run(String... args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("%d tasks; this machine has %d cores, load average %.1f (other programs share them)".formatted(
                TASKS, cores, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        long expected = serial();
        long start = System.nanoTime();
        serial();
        double serialSeconds = report("serial", start, expected);
        threads();
        start = System.nanoTime();
        double threadSeconds = report("threads", start, threads());
        System.out.println("threads: %.1f× as fast as serial (CPython's GIL keeps its threads at about 1×)".formatted(
                serialSeconds / threadSeconds));
        try (Pool pool = Context.processes().pool(cores)) {
            processes(pool);
            start = System.nanoTime();
            report("processes (pool of " + cores + ")", start, processes(pool));
        }
        System.out.println("主线程");
    }

    private static long serial() {
        long total = 0;
        for (int i = 0; i < TASKS; i++) {
            total += work(i);
        }
        return total;
    }

    private static long threads() throws InterruptedException {
        List<Long> results = Collections.synchronizedList(new ArrayList<>());
        List<Thread> tL = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            int task = i;
            tL.add(Thread.ofPlatform().start(() -> results.add(work(task))));
        }
        Threads.joinAll(tL);
        return results.stream().mapToLong(Long::longValue).sum();
    }

    private static long processes(Pool pool) {
        return pool.map(GilCpuBound::work, IntStream.range(0, TASKS).boxed().toList()).stream()
                .mapToLong(Long::longValue).sum();
    }

    /** Prints and returns the seconds since {@code startNanos}. */
    private static double report(String way, long startNanos, long total) {
        double seconds = Download.secondsSince(startNanos);
        System.out.println("%-28s run time is %.3f s (sum of the sums %d)".formatted(way, seconds, total));
        return seconds;
    }
}
