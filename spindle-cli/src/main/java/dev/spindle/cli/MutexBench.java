package dev.spindle.cli;

import dev.spindle.bench.MutexBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The robust mutex's figures: each sample is one run of {@link MutexBenchmark} in a JVM of its own. */
final class MutexBench {
    private static final String BENCHMARK = MutexBenchmark.class.getName();

    private MutexBench() {}

    static void run(int runs, Report report) throws Exception {
        report.figure("mutex.uncontended_ns", "ns", runs, () -> () -> sample("uncontended"));
        report.figure("mutex.owner_death_recovery_ms", "ms", Math.max(5, runs / 3), () -> () -> sample("recovery"));
    }

    private static double sample(String figure) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), BENCHMARK, figure))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || !out.startsWith("sample ")) {
            throw new IllegalStateException("mutex benchmark " + figure + " failed: " + out);
        }
        return Double.parseDouble(out.substring("sample ".length()));
    }
}
