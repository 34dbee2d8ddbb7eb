package dev.spindle.internal.pool;

import dev.spindle.ReadLimits;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.multiprocessing.StartMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a pool is made.
 *
 * @param workers          how many workers (ignored for virtual threads)
 * @param initializer      run once in each worker before its first task, or null
 * @param maxTasksPerChild tasks a worker process runs before it is replaced; 0: no limit
 * @param taskTimeout      the default per-task timeout, or null for none
 * @param retries          how many times a task whose worker died is run again
 * @param startMethod      how worker processes start
 * @param jvmOptions       extra options for worker JVMs
 * @param readLimits       what decoding one task, argument or result may cost
 * @param addedClassPath   entries after everything else on worker JVMs' class path (a cluster
 *                         client's shipped class path); "" for none
 * @param insights         record workers' times, the slowest tasks and failures (see
 *                         {@link dev.spindle.insights.PoolInsights})
 */
public record PoolConfig(int workers, CheckedRunnable initializer, int maxTasksPerChild, Duration taskTimeout,
                         int retries, StartMethod startMethod, List<String> jvmOptions, ReadLimits readLimits,
                         String addedClassPath, boolean insights) {
    /** A pool config with nothing added to its workers' class path. */
    public PoolConfig(int workers, CheckedRunnable initializer, int maxTasksPerChild, Duration taskTimeout, int retries,
                      StartMethod startMethod, List<String> jvmOptions, ReadLimits readLimits, boolean insights) {
        this(workers, initializer, maxTasksPerChild, taskTimeout, retries, startMethod, jvmOptions, readLimits, "",
                insights);
    }

    /** Options every worker JVM gets: running out of memory ends the worker, so its task fails cleanly. */
    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    /** The options for worker JVMs. */
    List<String> workerJvmOptions() {
        List<String> options = new ArrayList<>(List.of(EXIT_ON_OOM));
        options.addAll(jvmOptions);
        return options;
    }
}
