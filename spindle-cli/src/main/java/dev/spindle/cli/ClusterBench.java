package dev.spindle.cli;

import dev.spindle.cluster.Cluster;
import dev.spindle.cluster.LocalRedis;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's figures, on one Redis on this machine ({@link LocalRedis}: Debian's redis-server
 * when it is installed): {@code cluster.noop_tasks_per_s} — {@value #TASKS} no-op tasks from one client, 2 worker
 * hosts of 2 processes — with BullMQ's (Node, 2 workers of concurrency 50) and Celery's (2 workers
 * of 2 prefork processes) on the same Redis in the same run; {@code cluster.submit_result_latency_ms}
 * (median and p99 of one task's round trip); {@code cluster.scaling.N_processes_tasks_per_s}, the
 * same CPU-bound work on 1, 2 and 4 worker processes of one host (this machine has 2 cores).
 */
final class ClusterBench {
    static final int TASKS = 100_000;
    /** Celery runs a few hundred tasks a second here: fewer tasks give its rate in reasonable time. */
    static final int CELERY_TASKS = 5_000;
    private static final int LATENCY_TRIPS = 500;
    private static final int SCALING_TASKS = 100;

    private ClusterBench() {}

    static Integer noop() {
        return null;
    }

    /** Busy for 20 ms of its thread's CPU time: the same work each time, which processes can share. */
    static long spin(int seed) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long end = cpu.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long x = seed;
        while (cpu.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }

    static void run(int runs, boolean peers) throws Exception {
        try (LocalRedis redis = LocalRedis.start(false)) {
            int port = redis.port();
            Cluster cluster = Cluster.at(redis.uri()).name("bench");
            noopAndLatency(cluster, Math.max(3, runs / 5));
            scaling(cluster.name("scaling"), Math.max(3, runs / 5));
            if (peers) {
                peer("bullmq", port);
                peer("celery", port);
            }
        }
    }

    private static void noopAndLatency(Cluster cluster, int runs) throws Exception {
        List<Process> hosts = List.of(startHost(cluster, 2), startHost(cluster, 2));
        try (Pool pool = cluster.context().pool(4)) {
            noops(pool, TASKS / 5); // warm-up: both sides' JIT
            List<Double> rates = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                rates.add(noops(pool, TASKS));
            }
            print("cluster.noop_tasks_per_s", "tasks/s", rates, "2 hosts x 2 processes, " + TASKS + " tasks");
            List<Double> medians = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                double[] trips = new double[LATENCY_TRIPS];
                for (int i = 0; i < trips.length; i++) {
                    long t0 = System.nanoTime();
                    pool.apply(ClusterBench::noop);
                    trips[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(trips);
                medians.add(trips[trips.length / 2]);
                p99s.add(trips[(int) (trips.length * 0.99)]);
            }
            print("cluster.submit_result_latency_ms", "ms", medians, "median of " + LATENCY_TRIPS + " round trips");
            print("cluster.submit_result_latency_p99_ms", "ms", p99s, "p99 of " + LATENCY_TRIPS + " round trips");
        } finally {
            hosts.forEach(ClusterBench::killGroup);
        }
    }

    private static double noops(Pool pool, int tasks) throws Exception {
        long t0 = System.nanoTime();
        List<AsyncResult<Integer>> results = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            results.add(pool.applyAsync(ClusterBench::noop));
        }
        for (AsyncResult<Integer> result : results) {
            result.get();
        }
        return tasks / ((System.nanoTime() - t0) / 1e9);
    }

    private static void scaling(Cluster cluster, int runs) throws Exception {
        for (int processes : new int[] {1, 2, 4}) {
            Cluster own = cluster.name("scaling" + processes);
            Process host = startHost(own, processes);
            try (Pool pool = own.context().pool(processes)) {
                List<Integer> seeds = new ArrayList<>();
                for (int i = 0; i < SCALING_TASKS; i++) {
                    seeds.add(i);
                }
                pool.map(ClusterBench::spin, seeds.subList(0, 20)); // warm-up
                List<Double> rates = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long t0 = System.nanoTime();
                    pool.map(ClusterBench::spin, seeds, 1);
                    rates.add(SCALING_TASKS / ((System.nanoTime() - t0) / 1e9));
                }
                print("cluster.scaling." + processes + "_processes_tasks_per_s", "tasks/s", rates,
                        SCALING_TASKS + " tasks of 20 ms CPU each, 1 host");
            } finally {
                killGroup(host);
            }
        }
    }

    /** Runs a peer's script ({@code bullmq_bench.mjs}, {@code celery_bench.py}) three times on the same Redis. */
    private static void peer(String peer, int port) throws Exception {
        boolean node = peer.equals("bullmq");
        Path dir = Files.createTempDirectory("spindle-bench-" + peer);
        String script = node ? "bullmq_bench.mjs" : "celery_bench.py";
        try (InputStream in = ClusterBench.class.getResourceAsStream("/bench/" + script)) {
            Files.copy(in, dir.resolve(script), StandardCopyOption.REPLACE_EXISTING);
        }
        Path peers = Path.of(System.getenv().getOrDefault("SPINDLE_PEERS", System.getProperty("user.home") + "/.cache/spindle-peers"));
        if (node && !Files.isDirectory(peers.resolve("node_modules/bullmq"))) {
            System.err.println("spindle bench cluster: BullMQ is missing (npm install --prefix " + peers + " bullmq@5)");
            return;
        }
        if (node) {
            Files.createSymbolicLink(dir.resolve("node_modules"), peers.resolve("node_modules"));
        }
        int tasks = node ? TASKS : CELERY_TASKS;
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            List<String> command = node ? List.of("node", dir.resolve(script).toString(), Integer.toString(port), Integer.toString(tasks))
                    : List.of(debianPython(), dir.resolve(script).toString(), Integer.toString(port), Integer.toString(tasks));
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output = String.join("\n", out.lines().toList());
            }
            if (process.waitFor() != 0) {
                System.err.println("spindle bench cluster: " + peer + " could not run (" + (node ? "node and bullmq"
                        : "apt-get install python3-celery python3-redis") + "): " + output.lines().reduce((a, b) -> b).orElse(""));
                return;
            }
            rates.add(Double.parseDouble(output.lines().reduce((a, b) -> b).orElseThrow().trim()));
        }
        print("cluster.noop_tasks_per_s." + peer, "tasks/s", rates, (node ? "BullMQ, 2 workers x concurrency 50, "
                : "Celery, 2 workers x 2 prefork processes, ") + tasks + " tasks");
    }

    /** Debian's python3, where apt-get puts python3-celery, when there is one; else the PATH's. */
    private static String debianPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static Process startHost(Cluster cluster, int processes) throws IOException, InterruptedException {
        List<String> command = List.of("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.spindle.cluster.Worker",
                "--redis", cluster.redis().toString(), "--name", cluster.name(), "--processes", Integer.toString(processes));
        Process host = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.contains("serving")) {
            throw new IllegalStateException("a worker host did not start: " + line);
        }
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> { })); // drained, so it never blocks
        return host;
    }

    private static void killGroup(Process host) {
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + host.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            host.waitFor();
        } catch (IOException | InterruptedException e) {
            host.destroyForcibly();
        }
    }

    private static void print(String name, String unit, List<Double> samples, String what) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.println(String.format(Locale.ROOT,
                "{\"name\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"runs\":%d,\"min\":%.3f,\"max\":%.3f,\"what\":\"%s\"}",
                name, Figure.median(sorted), unit, sorted.length, sorted[0], sorted[sorted.length - 1], what));
    }
}
