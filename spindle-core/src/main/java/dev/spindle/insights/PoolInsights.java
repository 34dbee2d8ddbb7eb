package dev.spindle.insights;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a pool or executor is doing and has done, taken at one moment ({@code pool.insights()}).
 * The counts are always kept; the workers' times, the slowest tasks and the failures only when the
 * pool records insights ({@code Pool.Builder.insights(true)}, or a dashboard open when the pool
 * was made; {@link #recording()} says which). Memory stays bounded: the {@value #SLOWEST} slowest
 * tasks and the {@value #FAILURES} latest failures are kept, however many ran.
 *
 * @param name      the pool's name
 * @param kind      where its tasks run: "processes", "threads", "virtual threads" or "cluster"
 * @param state     running, shutdown, terminated or broken
 * @param recording true if the pool records its workers' times, slowest tasks and failures
 * @param queued    tasks waiting for a worker
 * @param running   tasks submitted and not finished that are not queued here (running, or on their way)
 * @param done      tasks finished with a value
 * @param failed    tasks finished with an exception (raised, timed out, cancelled, or lost with their worker)
 * @param workers   the live workers, in slot order
 * @param slowest   the slowest tasks, slowest first
 * @param failures  the latest failures, latest first
 * @param takenAt   when this was taken
 */
public record PoolInsights(String name, String kind, String state, boolean recording, long queued, long running,
                           long done, long failed, List<WorkerInsight> workers, List<SlowTask> slowest,
                           List<TaskFailure> failures, Instant takenAt) implements Serializable {
    /** How many of the slowest tasks a pool keeps. */
    public static final int SLOWEST = 10;
    /** How many of the latest failures a pool keeps. */
    public static final int FAILURES = 20;

    public PoolInsights {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        workers = List.copyOf(workers);
        slowest = List.copyOf(slowest);
        failures = List.copyOf(failures);
        Objects.requireNonNull(takenAt, "takenAt");
    }
}
