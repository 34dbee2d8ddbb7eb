package dev.spindle.cli;

import dev.spindle.multiprocessing.ChildProcess;
import java.util.List;

/**
 * A workload whose children start once and wait for a go between samples: each sample times one
 * run of the timed part, in units per second; closing it (or a failure while it warms up) kills
 * the children, so that none outlives the benchmark.
 */
@SuppressWarnings("try") // closing waits for the children, so it may be interrupted
final class ChildrenWorkload implements Workload {
    private static final int WARM_UPS = 3;
    private static final java.time.Duration WARM_UP = java.time.Duration.ofSeconds(5);

    /** A sample's timed part. */
    @FunctionalInterface
    interface Timed {
        void run() throws Exception;
    }

    private final List<ChildProcess> children;
    private final List<ChildProcess> started = new java.util.ArrayList<>();
    private final double unitsPerRun;
    private final Timed timed;

    private ChildrenWorkload(List<ChildProcess> children, double unitsPerRun, Timed timed) {
        this.children = children;
        this.unitsPerRun = unitsPerRun;
        this.timed = timed;
    }

    /**
     * Starts {@code children} and warms up: untimed runs, at least {@value #WARM_UPS} and for at
     * least {@link #WARM_UP}. Fresh child JVMs first interpret the work and compile it
     * while it runs (eight children of the 4p4c workload on two cores start at about 60k items/s),
     * so a fixed count of runs would time the JIT rather than the queue.
     */
    static Workload start(List<ChildProcess> children, double unitsPerRun, Timed timed) throws Exception {
        return start(children, unitsPerRun, timed, WARM_UP);
    }

    /** As {@link #start(List, double, Timed)}, warming up for at least {@code warmUp}. */
    static Workload start(List<ChildProcess> children, double unitsPerRun, Timed timed, java.time.Duration warmUp)
            throws Exception {
        ChildrenWorkload workload = new ChildrenWorkload(children, unitsPerRun, timed);
        try {
            for (ChildProcess child : children) {
                child.start();
                workload.started.add(child);
            }
            return Workload.warmed(workload, WARM_UPS, warmUp);
        } catch (Exception | Error e) {
            workload.close();
            throw e;
        }
    }

    @Override
    public double sample() throws Exception {
        long t0 = System.nanoTime();
        timed.run();
        return unitsPerRun / ((System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void close() throws InterruptedException {
        for (ChildProcess child : started) {
            child.kill();
        }
        for (ChildProcess child : started) {
            child.join();
        }
    }
}
