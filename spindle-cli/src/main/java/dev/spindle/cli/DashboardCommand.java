package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.cluster.Cluster;
import dev.spindle.futures.ThreadPoolExecutor;
import dev.spindle.insights.Dashboard;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.TaskOptions;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spindle dashboard}: the live web dashboard of a cluster, read from its Redis, or of a
 * demonstration workload run in this JVM.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true, version = SpindleCommand.VERSION,
        description = {"Serves Spindle's live dashboard on 127.0.0.1 and prints its address: a cluster's worker hosts"
                + " (--redis), or pools running a demonstration workload (--demo).",
                "Inside a program: Spindle.dashboard(port) shows that program's pools and executors."},
        footer = {"", "Examples:", "  bin/spindle dashboard --redis redis://127.0.0.1:6379 --port 8080",
                "  bin/spindle dashboard --demo"})
final class DashboardCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--redis", paramLabel = "URI", description = "a cluster's Redis: redis://host:port[/db]")
        String redis;

        @Option(names = "--demo", description = "run pools with a demonstration workload and show them")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--name", description = "the cluster's name (default: default)")
    String name = "default";

    @Option(names = "--queue", description = "the cluster's task queue (default: default)")
    String queue = "default";

    @Option(names = "--port", description = "the port; 0 (the default) picks a free one")
    int port;

    @Option(names = "--seconds", description = "stop after this many seconds (default: run until Ctrl-C)")
    long seconds;

    @Override
    public Integer call() throws Exception {
        if (source.redis != null) {
            Dashboard dashboard;
            try {
                dashboard = Dashboard.ofCluster(Cluster.at(source.redis).name(name).queue(queue), port);
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                System.err.println("spindle dashboard: " + e.getMessage()); // a bad URI, no Redis there, a taken port
                return 1;
            }
            try (dashboard) {
                System.out.println("Spindle dashboard of cluster " + name + " on " + dashboard.uri());
                awaitEnd();
            }
            return 0;
        }
        Dashboard dashboard = Spindle.dashboard(port);
        try {
            demoWorkload();
        } finally {
            dashboard.close();
        }
        return 0;
    }

    private void awaitEnd() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        if (seconds > 0) {
            never.await(seconds, TimeUnit.SECONDS);
        } else {
            never.await();
        }
    }

    /** Two pools at work, with tasks of varied length and a few that raise, until the time is up. */
    private void demoWorkload() throws InterruptedException {
        long end = seconds > 0 ? System.nanoTime() + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
        try (Pool pool = Pool.builder().processes(2).name("demo-processes").build();
             ThreadPoolExecutor threads = new ThreadPoolExecutor(Pool.builder(Context.threads()).processes(3)
                     .name("demo-threads"))) {
            int round = 0;
            while (System.nanoTime() < end) {
                int base = round++ * 20;
                pool.mapAsync(DashboardCommand::demoTask, IntStream.range(base, base + 20).boxed().toList(),
                        TaskOptions.DEFAULT.chunksize(1));
                for (int i = 0; i < 10; i++) {
                    int item = base + i;
                    threads.submit(() -> demoTask(item));
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Sleeps up to 150 ms (longer now and then); item numbers divisible by 37 raise. */
    static int demoTask(int item) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(item % 10 == 0 ? 400 : 150));
        if (item % 37 == 0) {
            throw new IllegalArgumentException("item " + item + " is divisible by 37");
        }
        return item * item;
    }
}
