package dev.spindle.internal.pool;

import dev.spindle.insights.WorkerInsight;
import java.util.List;

/** Where a pool's tasks run: worker processes, platform threads, or virtual threads. */
interface Workers {
    /** Where tasks run, for people: "processes", "threads", "virtual threads" or "cluster". */
    String kind();

    /** The live workers now, in slot order; their times are zero unless the pool records insights. */
    List<WorkerInsight> insights();

    /** Readies a task at submit (worker processes encode it, so refusals surface there). */
    void prepare(Task task);

    /** Starts the workers; they take tasks from {@code engine}. */
    void start(TaskEngine engine);

    /** Stops {@code task} if a worker is running it now: kill and replace the process, or interrupt the thread. */
    void abort(Task task);

    /**
     * {@code task} was settled without stopping it ({@code cancel(false)}): if it waits elsewhere
     * than this engine's queue (a cluster's stream), drop it there; a running one goes on unobserved.
     */
    default void dropIfWaiting(Task task) {
        // the engine's own queue skips settled tasks
    }

    /** Stops every running task whose timeout has passed at {@code nowNanos}. */
    void checkTimeouts(long nowNanos);

    /** Stops every worker at once (terminate). */
    void terminate();

    /** The count of this pool's live workers. */
    LiveWorkers live();

    /** True if no worker is alive now; no side effects. */
    default boolean workersGone() {
        return live().count() == 0;
    }

    /** Waits at most {@code nanos} until every worker has ended; true if they have. */
    default boolean awaitWorkersGone(long nanos) throws InterruptedException {
        return live().awaitNone(nanos);
    }

    /** True if a task's callbacks run in the worker that ran it (thread executors), not in a result thread. */
    boolean completesInWorker();
}
