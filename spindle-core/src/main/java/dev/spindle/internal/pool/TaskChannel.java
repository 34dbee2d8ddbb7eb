package dev.spindle.internal.pool;

import dev.spindle.insights.WorkerInsight;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Carries a remote engine's tasks to workers elsewhere (a cluster's worker hosts) and their
 * outcomes back. One channel serves one engine; the engine's seqs name its tasks.
 */
public interface TaskChannel {
    /**
     * Starts receiving: each outcome that comes back is given to {@code outcomes} with its task's
     * seq, from a thread of the channel's. An outcome may come for a task the engine no longer
     * waits for (cancelled); it is ignored there.
     */
    void open(BiConsumer<Long, EncodedOutcome> outcomes);

    /**
     * Hands over tasks, in order; returns once they are accepted where they wait (not run).
     *
     * @throws RuntimeException if they could not be, saying why (the store unreachable)
     */
    void send(List<OutgoingTask> tasks);

    /** Stops the task {@code seq}: dropped if it waits, its worker stopped if it runs; no outcome comes. */
    void cancel(long seq);

    /** Drops the task {@code seq} if it still waits to be delivered; a running one finishes, its outcome ignored. */
    void drop(long seq);

    /** The workers that run this channel's tasks now, as the places they run publish them; none if unknown. */
    default List<WorkerInsight> workerInsights() {
        return List.of();
    }

    /** Stops receiving and lets the channel's connections go. */
    void close();
}
