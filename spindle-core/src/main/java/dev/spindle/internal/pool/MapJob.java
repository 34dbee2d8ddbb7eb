package dev.spindle.internal.pool;

import dev.spindle.multiprocessing.TaskOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One map over a pool that reads all its items at the call ({@code map}, {@code map_async},
 * {@code starmap}): the items cut into chunks, one task per chunk, all queued at once, and the
 * future of the whole result list. (Maps that read their items as their consumer goes are
 * {@link MapStream}s.)
 */
public final class MapJob {
    private final List<Task> tasks;
    /** Per task, what the result list waits on (see {@link MapTasks#reported}). */
    private final List<CompletableFuture<Object>> reported;
    private final int total;

    private MapJob(List<Task> tasks, List<CompletableFuture<Object>> reported, int total) {
        this.tasks = tasks;
        this.reported = reported;
        this.total = total;
    }

    /** How a map's items become arguments: each item is the argument, or (a star map) a list of them. */
    public enum Items { ARGUMENTS, ARGUMENT_LISTS }

    /**
     * Who sees a map's futures: {@link #USER} when the caller hands out a future of the map, on
     * which users may hang callbacks (map_async), so tasks complete in the result thread;
     * {@link #CALLER} for a blocking map or an iterator, whose tasks (without a progress
     * listener) complete where their result arrives.
     */
    public enum Futures { USER, CALLER }

    /**
     * A map to submit: {@code function} over {@code items} on a pool of {@code workers} (which
     * sizes the automatic chunks).
     */
    public record Request(Object function, List<?> items, Items kind, int workers) {}

    /**
     * Submits the request's items in chunks of {@code options.chunksize()}; 0 picks one as CPython
     * does: about four chunks per worker. Timeout, retries and progress come from {@code options}.
     * If one chunk is refused (the pool stopped, an item cannot be encoded), those queued before
     * it are cancelled and the refusal is thrown.
     */
    public static MapJob submit(TaskEngine engine, Request request, TaskOptions options, Futures futures) {
        List<?> items = request.items();
        int size = options.chunksize() > 0 ? options.chunksize() : autoChunksize(items.size(), request.workers());
        MapTasks maker = new MapTasks(engine, request.function(), request.kind(), size, options, futures, items.size());
        List<Task> tasks = new ArrayList<>((items.size() + size - 1) / size);
        try {
            for (int from = 0; from < items.size(); from += size) {
                tasks.add(maker.submit(items.subList(from, Math.min(items.size(), from + size))));
            }
        } catch (RuntimeException refused) {
            tasks.forEach(t -> t.future.cancel(false));
            throw refused;
        }
        return new MapJob(tasks, tasks.stream().map(maker::reported).toList(), items.size());
    }

    /** CPython's rule: {@code divmod(len, workers * 4)}, rounded up, at least 1. */
    static int autoChunksize(int items, int workers) {
        int chunks = Math.max(1, workers) * 4;
        int size = items / chunks;
        return Math.max(1, items % chunks == 0 ? size : size + 1);
    }

    /**
     * Every result, in order; fails with the first failure as soon as it happens. Cancelling it,
     * or completing it from outside, cancels the unfinished tasks (running ones are stopped).
     */
    public CompletableFuture<List<Object>> all() {
        AllResults all = new AllResults();
        if (tasks.isEmpty()) {
            all.finish(List.of(), null);
            return all;
        }
        Object[] values = new Object[total];
        AtomicInteger remaining = new AtomicInteger(tasks.size());
        int offset = 0;
        for (int index = 0; index < tasks.size(); index++) {
            Task task = tasks.get(index);
            int at = offset;
            offset += task.size();
            reported.get(index).whenComplete((value, failure) -> {
                if (failure != null) {
                    all.finish(null, Outcomes.unwrap(failure));
                    return;
                }
                List<Object> chunk = MapTasks.values(task, value);
                for (int i = 0; i < chunk.size(); i++) {
                    values[at + i] = chunk.get(i);
                }
                if (remaining.decrementAndGet() == 0) {
                    all.finish(Arrays.asList(values), null);
                }
            });
        }
        return all;
    }

    /** The future of a whole map: the job completes it with {@link #finish}; anyone else stops the tasks. */
    private final class AllResults extends CompletableFuture<List<Object>> {
        void finish(List<Object> values, Throwable failure) {
            if (failure == null) {
                super.complete(values);
            } else {
                super.completeExceptionally(failure);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            tasks.forEach(t -> t.future.cancel(mayInterruptIfRunning));
            return super.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean complete(List<Object> value) {
            return stopTasksIf(super.complete(value));
        }

        @Override
        public boolean completeExceptionally(Throwable ex) {
            return stopTasksIf(super.completeExceptionally(ex));
        }

        private boolean stopTasksIf(boolean completedHere) {
            if (completedHere) {
                tasks.forEach(t -> t.future.cancel(true));
            }
            return completedHere;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }
}
