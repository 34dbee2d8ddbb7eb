package dev.spindle.cli;

import dev.spindle.Spindle;
import dev.spindle.internal.launch.ChildHandle;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.multiprocessing.StartMethod;
import java.io.EOFException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spindle bench [SUITE...] [--json] [--python]}: end-to-end figures, medians of several
 * runs, the same workloads as the CPython script's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "End-to-end benchmarks (suites: process, pipe, pool).")
final class BenchCommand implements Callable<Integer> {
    private static final int ROUND_TRIPS = 20_000;

    @Parameters(arity = "0..*", description = "suites to run: process, pipe, pool (default: all)")
    List<String> suites = List.of("process", "pipe", "pool");

    @Option(names = "--json", description = "one JSON object per line")
    boolean json;

    @Option(names = "--python", description = "also measure CPython (python3) on the same workloads")
    boolean python;

    @Option(names = "--runs", description = "runs per figure (default: ${DEFAULT-VALUE})")
    int runs = 15;

    @Override
    public Integer call() throws Exception {
        for (String suite : suites) {
            switch (suite) {
                case "process" -> {
                    report(figure("process.start_join.cold_ms", "ms", runs, this::coldStartJoinMs));
                    report(figure("process.start_join.warm_ms", "ms", runs, this::warmStartJoinMs));
                }
                case "pipe" -> report(pipeRoundTrip(Math.max(5, runs / 3)));
                case "pool" -> PoolBench.run(Math.max(5, runs / 3), (name, unit, count, sample) -> report(figure(name, unit, count, sample)));
                default -> {
                    System.err.println("spindle bench: unknown suite " + suite + " (process, pipe, pool)");
                    return 2;
                }
            }
        }
        return 0;
    }

    interface Sample {
        double measure() throws Exception;
    }

    private Figure figure(String name, String unit, int count, Sample sample) throws Exception {
        sample.measure(); // warm-up, not counted
        double[] samples = new double[count];
        for (int i = 0; i < count; i++) {
            samples[i] = sample.measure();
        }
        Double cpython = python ? CPythonBench.measure(name, count) : null;
        return new Figure(name, median(samples), unit, count, cpython);
    }

    private void report(Figure figure) {
        System.out.println(json ? figure.json() : figure.text());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double startJoinMs(StartMethod method) throws InterruptedException {
        ChildProcess p = new ChildProcess(() -> { }).startMethod(method);
        long t0 = System.nanoTime();
        p.start();
        p.join();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** SPAWN, after the start-up cache exists: it is made on first use, once per class path. */
    private double coldStartJoinMs() throws Exception {
        ChildHandle.awaitSpawnCache(Duration.ofMinutes(2));
        return startJoinMs(StartMethod.SPAWN);
    }

    /** WARM, with the idle JVMs ready (not timed), as CPython's fork has its parent ready. */
    private double warmStartJoinMs() throws Exception {
        Spindle.warmUp(Duration.ofMinutes(1));
        return startJoinMs(StartMethod.WARM);
    }

    static void echo(Connection conn) throws Exception {
        try (conn) {
            while (true) {
                conn.send(conn.recv());
            }
        } catch (EOFException done) {
            // the benchmark closed its end
        }
    }

    /**
     * One echoing child for all runs, as CPython's script keeps one: after a warm-up long enough
     * for both JVMs' JIT compilers, each run times {@value #ROUND_TRIPS} round trips.
     */
    private Figure pipeRoundTrip(int count) throws Exception {
        Pipe pipe = Pipe.open();
        ChildProcess child = new ChildProcess(BenchCommand::echo, pipe.right());
        child.start();
        pipe.right().close();
        try (Connection conn = pipe.left()) {
            Sample run = () -> {
                long t0 = System.nanoTime();
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    conn.send(i);
                    conn.recv();
                }
                return (System.nanoTime() - t0) / 1e3 / ROUND_TRIPS;
            };
            for (int i = 0; i < 5; i++) {
                run.measure(); // warm-up
            }
            return figure("pipe.roundtrip_us", "us", count, run);
        } finally {
            child.join();
        }
    }
}
