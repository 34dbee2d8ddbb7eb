package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.multiprocessing.StartMethod;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spindle bench [SUITE...] [--json] [--python] [--only REGEX]}: end-to-end figures, medians of several
 * runs with their spread, the same workloads as the CPython script's, Spindle's and CPython's
 * runs alternating.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = SpindleCommand.VERSION, description = "End-to-end benchmarks (suites: process, pipe, pool, mutex, sync, queue, value, threading, coroutines, manager, net, cluster; cluster runs only when named, and with --python also BullMQ and Celery).")
final class BenchCommand implements Callable<Integer> {
    private static final int ROUND_TRIPS = 20_000;

    @Parameters(arity = "0..*", description = "suites to run: process, pipe, pool, mutex, sync, queue, value, threading, coroutines, manager, net (default: all)")
    List<String> suites = List.of("process", "pipe", "pool", "mutex", "sync", "queue", "value", "threading", "coroutines", "manager", "net");

    @Option(names = "--json", description = "one JSON object per line")
    boolean json;

    @Option(names = "--python", description = "also measure CPython (python3) on the same workloads")
    boolean python;

    @Option(names = "--only", paramLabel = "REGEX", description = "measure only the figures whose whole name matches REGEX (not in the cluster suite)")
    Pattern only;

    @Option(names = "--runs", description = "runs per figure (default: ${DEFAULT-VALUE})")
    int runs = 15;

    /**
     * Spindle's and CPython's runs alternate in this many rounds, so that drift (the machine
     * warming, another process) falls on both sides alike.
     */
    private static final int ROUNDS = 3;

    @Override
    public Integer call() throws Exception {
        for (String suite : suites) {
            switch (suite) {
                case "process" -> {
                    report("process.start_join.cold_ms", "ms", runs, () -> {
                        Context.processes(StartMethod.SPAWN).warmUp(Duration.ofMinutes(2)); // made on first use, once per class path
                        return () -> startJoinMs(StartMethod.SPAWN);
                    });
                    report("process.start_join.warm_ms", "ms", runs, () -> {
                        Spindle.warmUp(Duration.ofMinutes(1)); // the idle JVMs ready, as CPython's fork has its parent
                        return () -> startJoinMs(StartMethod.WARM);
                    });
                    report("process.jvm_floor_ms", "ms", runs, () -> {
                        Context.processes(StartMethod.SPAWN).warmUp(Duration.ofMinutes(2)); // the floor maps the same cache
                        List<String> floor = ProcessMemoryAndFloor.floorCommand();
                        return () -> ProcessMemoryAndFloor.runMs(floor);
                    });
                    report("process.child_rss_mb", "MB", Math.max(3, runs / 3), () -> () -> ProcessMemoryAndFloor.idleChildMb("Rss", 1));
                    report("process.child_pss_mb", "MB", Math.max(3, runs / 3), () -> () -> ProcessMemoryAndFloor.idleChildMb("Pss", 1));
                    // Four idle children, as a pool's: what they share shows.
                    report("process.child_pss_of_4_mb", "MB", Math.max(3, runs / 3),
                            () -> () -> ProcessMemoryAndFloor.idleChildMb("Pss", 4));
                }
                case "pipe" -> report("pipe.roundtrip_us", "us", Math.max(5, runs), BenchCommand::pipeRoundTrips);
                case "pool" -> PoolBench.run(Math.max(5, runs / 3), this::report);
                case "mutex" -> MutexBench.run(runs, this::report);
                case "sync" -> SyncBench.run(runs, this::report);
                case "queue" -> QueueBench.run(runs, this::report);
                case "value" -> ValueBench.run(runs, this::report);
                case "threading" -> ThreadingBench.run(runs, this::report);
                case "coroutines" -> {
                    CoroutineBench.run(runs, this::report);
                    AsyncioBench.run(runs, this::report);
                }
                case "manager" -> ManagerBench.run(runs, this::report);
                case "net" -> NetBench.run(runs, this::report);
                case "cluster" -> ClusterBench.run(runs, python);
                default -> {
                    System.err.println("spindle bench: unknown suite " + suite + " (process, pipe, pool, mutex, sync, queue, value, threading, coroutines, manager, net, cluster)");
                    return 2;
                }
            }
        }
        return 0;
    }

    /**
     * Measures one figure: {@link #ROUNDS} rounds, each a fresh setup of Spindle's workload that
     * takes its share of the {@code count} samples and is taken down, then (with --python)
     * CPython's script for as many samples, once no Spindle child runs any more.
     */
    void report(String name, String unit, int count, Workload.Setup setup) throws Exception {
        report(name, unit, count, setup, null, null);
    }

    /**
     * As {@link #report(String, String, int, Workload.Setup)}, and in each round, after Spindle's
     * samples, as many of the plain JDK way ({@code jdk}, unless null), so that both meet the
     * same drift.
     */
    void report(String name, String unit, int count, Workload.Setup setup, String jdkWhat, Workload.Setup jdk)
            throws Exception {
        if (only != null && !only.matcher(name).matches()) {
            return;
        }
        List<Double> ours = new ArrayList<>();
        List<Double> cpython = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        for (int round = 0; round < Math.min(ROUNDS, count); round++) {
            int perRound = count / ROUNDS + (round < count % ROUNDS ? 1 : 0);
            samples(setup, perRound, ours);
            if (jdk != null) {
                samples(jdk, perRound, plain);
            }
            if (python) {
                awaitNoBusyChild();
                cpython.addAll(CPythonBench.samples(name, perRound));
            }
        }
        Figure figure = Figure.of(name, unit, ours, cpython, jdkWhat, plain);
        System.out.println(json ? figure.json() : figure.text());
    }

    /** Sets {@code setup} up, adds {@code count} samples to {@code into}, and takes it down. */
    @SuppressWarnings("try") // a Workload's close may wait for children, so it may be interrupted
    private static void samples(Workload.Setup setup, int count, List<Double> into) throws Exception {
        try (Workload workload = setup.open()) {
            for (int i = 0; i < count; i++) {
                into.add(workload.sample());
            }
        }
    }

    /** Waits until every child Spindle started has ended (idle WARM JVMs, settled and asleep, aside). */
    private static void awaitNoBusyChild() throws InterruptedException {
        for (BaseProcess child : Spindle.activeChildren()) {
            child.join(Duration.ofMinutes(1));
        }
    }

    private static double startJoinMs(StartMethod method) throws InterruptedException {
        ChildProcess p = new ChildProcess(() -> { }).startMethod(method);
        long t0 = System.nanoTime();
        p.start();
        p.join();
        return (System.nanoTime() - t0) / 1e6;
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
     * One echoing child per round, as CPython's script keeps one per run: after a warm-up long
     * enough for both JVMs' JIT compilers, each sample times {@value #ROUND_TRIPS} round trips.
     */
    @SuppressWarnings("try") // a Workload's close may wait for children, so it may be interrupted
    private static Workload pipeRoundTrips() throws Exception {
        Pipe pipe = Pipe.open();
        ChildProcess child = new ChildProcess(BenchCommand::echo, pipe.right());
        child.start();
        pipe.right().close();
        Connection conn = pipe.left();
        Workload workload = new Workload() {
            @Override
            public double sample() throws Exception {
                long t0 = System.nanoTime();
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    conn.send(i);
                    conn.recv();
                }
                return (System.nanoTime() - t0) / 1e3 / ROUND_TRIPS;
            }

            @Override
            public void close() throws Exception {
                conn.close();
                child.join();
            }
        };
        for (int i = 0; i < 5; i++) {
            workload.sample(); // warm-up
        }
        return workload;
    }
}
