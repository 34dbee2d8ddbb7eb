package dev.spindle.internal.pool;

import dev.spindle.multiprocessing.ProgressListener;
import dev.spindle.multiprocessing.TaskOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the items of one map become tasks, whether the map reads its items at once ({@link MapJob})
 * or as its consumer goes ({@link MapStream}): a chunk of items is one task (with a chunk size of
 * 1, a plain call), with the map's timeout and retries; and the future the map's consumers wait
 * on, which with a progress listener completes only after the listener was told, so a map never
 * returns (or an iterator yields a task's results) before that task's progress report.
 */
final class MapTasks {
    private final TaskEngine engine;
    private final Object function;
    private final boolean star;
    private final int chunksize;
    private final Duration timeout;
    private final int retries;
    private final boolean inPlace;
    private final ProgressListener progress;
    /** The map's item count for progress reports; -1 while it is not known. */
    private final long total;
    private final AtomicLong done = new AtomicLong();

    MapTasks(TaskEngine engine, Object function, MapJob.Items kind, int chunksize, TaskOptions options,
             MapJob.Futures futures, long total) {
        this.engine = engine;
        this.function = function;
        this.star = kind == MapJob.Items.ARGUMENT_LISTS;
        this.chunksize = chunksize;
        this.timeout = options.timeout();
        this.retries = options.retries();
        this.progress = options.progress();
        this.inPlace = futures == MapJob.Futures.CALLER && progress == null;
        this.total = total;
    }

    int chunksize() {
        return chunksize;
    }

    /** True while the pool takes tasks: a refusal then is about the items, not the pool. */
    boolean poolRunning() {
        return engine.state() == TaskEngine.State.RUNNING;
    }

    /** Throws what {@link #submit} would throw now because of the pool's state (see {@link TaskEngine#requireRunning}). */
    void requirePoolRunning() {
        engine.requireRunning();
    }

    /**
     * Queues one task for {@code chunk} (at most {@link #chunksize()} items).
     *
     * @throws IllegalStateException if the pool does not accept tasks
     * @throws dev.spindle.SerializationException if a process pool cannot encode an item
     */
    Task submit(List<?> chunk) {
        return chunksize == 1
                ? engine.submit(function, Task.Shape.SINGLE, arguments(chunk.get(0)), timeout, retries, inPlace)
                : engine.submit(function, star ? Task.Shape.STAR_CHUNK : Task.Shape.CHUNK,
                        new ArrayList<>(chunk), timeout, retries, inPlace);
    }

    @SuppressWarnings("unchecked")
    private List<Object> arguments(Object item) {
        List<Object> args = new ArrayList<>(2);
        if (star) {
            args.addAll((List<Object>) item);
        } else {
            args.add(item);
        }
        return args;
    }

    /** What the map's consumers wait on for {@code task}: its future, or the one after its progress report. */
    CompletableFuture<Object> reported(Task task) {
        if (progress == null) {
            return task.future;
        }
        return task.future.whenComplete((v, e) -> Callbacks.runGuarded(ProgressListener.class, task,
                () -> progress.progress(done.addAndGet(task.size()), total)));
    }

    /** The values a finished task stands for: its value, or its chunk's values. */
    @SuppressWarnings("unchecked")
    static List<Object> values(Task task, Object value) {
        return task.shape == Task.Shape.SINGLE ? Collections.singletonList(value) : (List<Object>) value;
    }
}
