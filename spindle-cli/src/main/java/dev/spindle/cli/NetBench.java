package dev.spindle.cli;

import dev.spindle.subprocess.Subprocess;
import java.util.List;

/**
 * The net suite: the seeds' outside world (subprocesses, socket servers, SSH),
 * the same workloads as CPython's script. Each figure is one {@code report.figure} line in
 * {@link #run}; a new one goes there, with its workload as a method below and the same workload
 * under the same name in {@code cpython_bench.py}.
 */
final class NetBench {
    /** {@code true} runs per sample of {@code subprocess.run_true_per_s}. */
    private static final int TRUE_RUNS = 200;
    private static final int WARM_UPS = 2;

    private NetBench() {}

    static void run(int runs, Report report) throws Exception {
        report.figure("subprocess.run_true_per_s", "runs/s", runs, () -> Workload.warmed(NetBench::runTruePerSecond, WARM_UPS));
        SocketServerBench.run(runs, report);
        SshBench.run(Math.max(5, runs / 3), report);
    }

    /** {@code Subprocess.run(["true"])} {@value #TRUE_RUNS} times, as CPython's {@code subprocess.run(["true"])}. */
    private static double runTruePerSecond() throws Exception {
        List<String> command = List.of("true");
        long t0 = System.nanoTime();
        for (int i = 0; i < TRUE_RUNS; i++) {
            if (Subprocess.run(command).returncode() != 0) {
                throw new IllegalStateException("true failed");
            }
        }
        return TRUE_RUNS / ((System.nanoTime() - t0) / 1e9);
    }
}
