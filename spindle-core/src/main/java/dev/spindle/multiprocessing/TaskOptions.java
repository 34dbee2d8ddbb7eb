package dev.spindle.multiprocessing;

import java.time.Duration;
import java.util.Objects;

/**
 * Options for submitting work to a pool (Python's keyword arguments): chunk size, a per-task
 * timeout, retries when a worker dies, and a progress listener. Immutable; each method returns a
 * changed copy. Start from {@link #DEFAULT}.
 *
 * <pre>{@code
 * pool.map(Primes::isPrime, numbers, TaskOptions.DEFAULT.chunksize(64).progress(bar));
 * }</pre>
 */
public record TaskOptions(int chunksize, Duration timeout, int retries, ProgressListener progress) {
    /** The pool's defaults: automatic chunk size, the pool's timeout and retries, no listener. */
    public static final TaskOptions DEFAULT = new TaskOptions(0, null, -1, null);

    /**
     * Options as given; prefer {@link #DEFAULT} and its methods.
     *
     * @param chunksize items per task for maps; 0 picks one as Python does
     * @param timeout   a time limit for each task, or null to use the pool's
     * @param retries   how many times a task whose worker died is run again, or -1 to use the pool's
     * @param progress  told of progress as a map's tasks finish, or null
     * @throws IllegalArgumentException if the chunk size is negative, the timeout not positive or
     *                                  the retries below -1
     */
    public TaskOptions {
        if (chunksize < 0) {
            throw new IllegalArgumentException("chunksize must not be negative: " + chunksize);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (retries < -1) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
    }

    /** Items per task for maps; 0 (the default) picks one as Python does. */
    public TaskOptions chunksize(int chunksize) {
        return new TaskOptions(chunksize, timeout, retries, progress);
    }

    /**
     * A time limit for each task (each chunk, for maps), counted from when it starts running.
     * When it passes, the worker running the task is killed and replaced (a thread worker is
     * interrupted and abandoned) and the task fails with a {@link java.util.concurrent.TimeoutException}.
     */
    public TaskOptions timeout(Duration timeout) {
        return new TaskOptions(chunksize, Objects.requireNonNull(timeout, "timeout"), retries, progress);
    }

    /** How many times a task whose worker died is run again before it fails. */
    public TaskOptions retries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        return new TaskOptions(chunksize, timeout, retries, progress);
    }

    /** Told of progress as a map's tasks finish. */
    public TaskOptions progress(ProgressListener progress) {
        return new TaskOptions(chunksize, timeout, retries, Objects.requireNonNull(progress, "progress"));
    }
}
