package dev.spindle.examples.cluster;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.Pool;
import java.util.List;
import java.util.stream.IntStream;

/**
 * joblib's {@code Parallel(n_jobs=2)(delayed(sqrt)(i ** 2) for i in range(10))}: a function mapped
 * over items by n workers, the results in order. In Java, a pool's map; the same line runs on
 * worker processes, on threads and on a cluster.
 */
public final class JoblibParallel extends Example {
    public JoblibParallel() {
        super("joblib-parallel", "Parallel(n_jobs=2)(delayed(sqrt)(i ** 2) ...) as pool.map, on processes, threads and a cluster");
    }

    static double sqrtOfSquare(int i) {
        return Math.sqrt((double) i * i);
    }

    @Override
    public void run(String... args) throws Exception {
        List<Integer> items = IntStream.range(0, 10).boxed().toList();
        try (LocalCluster local = LocalCluster.start("joblib", args)) {
            local.startHost(2);
            for (Context context : List.of(Context.processes(), Context.threads(), local.context())) {
                try (Pool parallel = context.pool(2)) { // Parallel(n_jobs=2)
                    List<Double> results = parallel.map(JoblibParallel::sqrtOfSquare, items);
                    System.out.println(context.kind() + ": " + results);
                }
            }
        }
    }
}
