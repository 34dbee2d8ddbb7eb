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
public final class TaskOptions {
    /** The pool's defaults: automatic chunk size, the pool's timeout and retries, no listener. */
    public static final TaskOptions DEFAULT = new TaskOptions(0, null, -1, null);

    private final int chunksize;
    private final Duration timeout;
    private final int retries;
    private final ProgressListener progress;

    private TaskOptions(int chunksize, Duration timeout, int retries, ProgressListener progress) {
        this.chunksize = chunksize;
        this.timeout = timeout;
        this.retries = retries;
        this.progress = progress;
    }

    /** Items per task for maps; 0 (the default) picks one as Python does. */
    public TaskOptions chunksize(int chunksize) {
        if (chunksize < 0) {
            throw new IllegalArgumentException("chunksize must not be negative: " + chunksize);
        }
        return new TaskOptions(chunksize, timeout, retries, progress);
    }

    /**
     * A time limit for each task (each chunk, for maps), counted from when it starts running.
     * When it passes, the worker running the task is killed and replaced (a thread worker is
     * interrupted and abandoned) and the task fails with a {@link java.util.concurrent.TimeoutException}.
     */
    public TaskOptions timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new TaskOptions(chunksize, timeout, retries, progress);
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

    /** The chunk size; 0 means automatic. */
    public int chunksize() {
        return chunksize;
    }

    /** The timeout, or null to use the pool's. */
    public Duration timeout() {
        return timeout;
    }

    /** The retries, or -1 to use the pool's. */
    public int retries() {
        return retries;
    }

    /** The listener, or null. */
    public ProgressListener progress() {
        return progress;
    }
}
