package dev.spindle.internal.pool;

import dev.spindle.ReadLimits;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.multiprocessing.StartMethod;
import java.time.Duration;
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
 */
public record PoolConfig(int workers, CheckedRunnable initializer, int maxTasksPerChild, Duration taskTimeout,
                         int retries, StartMethod startMethod, List<String> jvmOptions, ReadLimits readLimits) {
    /** Options every worker JVM gets: running out of memory ends the worker, so its task fails cleanly. */
    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    /** The options for worker JVMs. */
    String[] workerJvmOptions() {
        String[] options = new String[jvmOptions.size() + 1];
        options[0] = EXIT_ON_OOM;
        for (int i = 0; i < jvmOptions.size(); i++) {
            options[i + 1] = jvmOptions.get(i);
        }
        return options;
    }
}
