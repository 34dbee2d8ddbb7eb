package dev.spindle.examples.cluster;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.futures.PoolExecutor;
import dev.spindle.multiprocessing.Pool;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Two worker hosts serve one queue; Celery's canvas in Java: a group (a map over the cluster), a
 * chain (the next task sent when the first one's result comes) and a chord (a group whose results
 * a callback in the client combines).
 */
public final class CeleryCanvas extends Example {
    public CeleryCanvas() {
        super("celery-canvas", "two worker hosts; a group, a chain and a chord of tasks on the cluster");
    }

    static int add(int x, int y) {
        return x + y;
    }

    static int mul(int x, int y) {
        return x * y;
    }

    /** A task's result and the worker host that ran it. */
    record OnHost(int value, long host) implements Serializable {}

    /** {@code add(i, i)}, on whichever host takes it. */
    static OnHost addOnHost(int i) throws InterruptedException {
        Thread.sleep(50); // long enough that both hosts get a share
        return new OnHost(add(i, i), Spindle.parentProcess().pid());
    }

    @Override
    public void run(String... args) throws Exception {
        try (LocalCluster local = LocalCluster.start("canvas", args)) {
            long first = local.startHost(1).pid();
            long second = local.startHost(1).pid();
            System.out.println("worker hosts: " + first + " and " + second);
            Context app = local.context();
            try (Pool pool = app.pool(2); PoolExecutor executor = app.executor(2)) {
                // group(add.s(i, i) for i in range(10))()
                List<OnHost> group = pool.map(CeleryCanvas::addOnHost, IntStream.range(0, 10).boxed().toList());
                System.out.println("group: " + group.stream().map(OnHost::value).toList());
                Map<Long, Integer> perHost = new TreeMap<>();
                group.forEach(e -> perHost.merge(e.host(), 1, Integer::sum));
                System.out.println("tasks per host: " + perHost);
                // chain(add.s(2, 2), mul.s(8))()
                int chained = executor.submit(CeleryCanvas::add, 2, 2)
                        .thenCompose(sum -> executor.submit(CeleryCanvas::mul, sum, 8)).get();
                System.out.println("chain: (2 + 2) * 8 = " + chained);
                // chord((add.s(i, i) for i in range(10)), tsum.s())()
                int chord = pool.mapAsync(CeleryCanvas::addOnHost, IntStream.range(0, 10).boxed().toList())
                        .toCompletableFuture().thenApply(results -> results.stream().mapToInt(OnHost::value).sum()).get();
                System.out.println("chord: sum of the group = " + chord);
            }
        }
    }
}
