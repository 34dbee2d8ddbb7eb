package dev.spindle.examples.cluster;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.Pool;
import java.util.List;
import java.util.stream.IntStream;

/**
 * PyMP's {@code with pymp.Parallel(4) as p: for i in p.range(0, 100): ...}: a loop whose range is
 * split into one contiguous part per worker, each filling its part of a shared result. In Java
 * each worker returns its part and the parts come back in order, which works the same on
 * processes, threads and a cluster, where no memory is shared.
 */
public final class PympParallelRange extends Example {
    private static final int WORKERS = 4;
    private static final int N = 100;

    public PympParallelRange() {
        super("pymp-parallel-range", "pymp.Parallel(4) with p.range(0, 100): the loop split over workers, one result");
    }

    /** Worker {@code k}'s part of the loop: the squares of its share of the range. */
    static List<Long> part(int k) {
        int size = N / WORKERS;
        return IntStream.range(k * size, (k + 1) * size).mapToObj(i -> (long) i * i).toList();
    }

    @Override
    public void run(String... args) throws Exception {
        try (LocalCluster local = LocalCluster.start("pymp", args)) {
            local.startHost(2);
            for (Context context : List.of(Context.processes(), Context.threads(), local.context())) {
                try (Pool p = context.pool(WORKERS)) { // pymp.Parallel(4)
                    List<List<Long>> parts = p.map(PympParallelRange::part, IntStream.range(0, WORKERS).boxed().toList(), 1);
                    long[] result = parts.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
                    System.out.println(context.kind() + ": " + result.length + " items, result[99] = " + result[N - 1]
                            + ", sum = " + java.util.Arrays.stream(result).sum());
                }
            }
        }
    }
}
