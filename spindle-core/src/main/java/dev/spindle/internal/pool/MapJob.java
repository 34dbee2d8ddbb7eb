package dev.spindle.internal.pool;

import dev.spindle.multiprocessing.ProgressListener;
import dev.spindle.multiprocessing.ResultIterator;
import dev.spindle.multiprocessing.TaskOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One map over a pool: the items cut into chunks, one task per chunk, and the ways to collect the
 * results — all at once, in order as they come, or in completion order.
 */
public final class MapJob {
    /** A deadline that never passes. */
    private static final long NO_DEADLINE = Long.MIN_VALUE;

    private final List<Task> tasks;
    /**
     * Per task, what the consumers wait on: the task's future, or, with a progress listener, a
     * future that completes only after the listener was told, so a map never returns (or an
     * iterator yields its last item) before its last progress report.
     */
    private final List<CompletableFuture<Object>> reported;
    private final int total;

    private MapJob(List<Task> tasks, int total, ProgressListener progress) {
        this.tasks = tasks;
        this.total = total;
        this.reported = new ArrayList<>(tasks.size());
        AtomicInteger done = new AtomicInteger();
        for (Task task : tasks) {
            reported.add(progress == null ? task.future
                    : task.future.whenComplete((v, e) -> Callbacks.runGuarded(ProgressListener.class, task,
                            () -> progress.progress(done.addAndGet(task.size()), total))));
        }
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
     */
    public static MapJob submit(TaskEngine engine, Request request, TaskOptions options, Futures futures) {
        Object function = request.function();
        List<?> items = request.items();
        boolean star = request.kind() == Items.ARGUMENT_LISTS;
        Duration timeout = options.timeout();
        int retries = options.retries();
        ProgressListener progress = options.progress();
        boolean inPlace = futures == Futures.CALLER && progress == null;
        int size = options.chunksize() > 0 ? options.chunksize() : autoChunksize(items.size(), request.workers());
        List<Task> tasks = new ArrayList<>((items.size() + size - 1) / size);
        try {
            for (int from = 0; from < items.size(); from += size) {
                List<?> slice = items.subList(from, Math.min(items.size(), from + size));
                tasks.add(size == 1
                        ? engine.submit(function, Task.Shape.SINGLE, arguments(star, slice.get(0)), timeout, retries, inPlace)
                        : engine.submit(function, star ? Task.Shape.STAR_CHUNK : Task.Shape.CHUNK,
                                new ArrayList<>(slice), timeout, retries, inPlace));
            }
        } catch (RuntimeException refused) {
            tasks.forEach(t -> t.future.cancel(false));
            throw refused;
        }
        return new MapJob(tasks, items.size(), progress);
    }

    /** CPython's rule: {@code divmod(len, workers * 4)}, rounded up, at least 1. */
    static int autoChunksize(int items, int workers) {
        int chunks = Math.max(1, workers) * 4;
        int size = items / chunks;
        return Math.max(1, items % chunks == 0 ? size : size + 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> arguments(boolean star, Object item) {
        List<Object> args = new ArrayList<>(2);
        if (star) {
            args.addAll((List<Object>) item);
        } else {
            args.add(item);
        }
        return args;
    }

    /** The values a finished task stands for: its value, or its chunk's values. */
    private static List<Object> values(Task task, Object value) {
        return task.shape == Task.Shape.SINGLE ? Collections.singletonList(value) : asList(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
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
                List<Object> chunk = values(task, value);
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

    /** The results in order, as they become ready. */
    public <R> ResultIterator<R> ordered() {
        AtomicInteger next = new AtomicInteger();
        return new Results<>(deadline -> next.getAndIncrement());
    }

    /** The results in the order tasks finish. */
    public <R> ResultIterator<R> unordered() {
        LinkedBlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        for (int index = 0; index < tasks.size(); index++) {
            int i = index;
            reported.get(i).whenComplete((v, e) -> finished.add(i));
        }
        return new Results<>(deadline -> {
            if (deadline == NO_DEADLINE) {
                return finished.take();
            }
            Integer index = finished.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (index == null) {
                throw new TimeoutException("no result was ready in time");
            }
            return index;
        });
    }

    /** Which task's results come next, waiting until {@code deadline} ({@link System#nanoTime()}) at most. */
    @FunctionalInterface
    private interface NextTask {
        int index(long deadline) throws TimeoutException, InterruptedException;
    }

    /** Cancels every task that has not finished. */
    public void cancelAll() {
        tasks.forEach(t -> t.future.cancel(true));
    }

    /** Walks the tasks in the order {@code source} gives their indexes, flattening chunks. */
    private final class Results<R> implements ResultIterator<R> {
        private final NextTask source;
        private int tasksLeft = tasks.size();
        private int pending = -1;
        private Iterator<Object> chunk = Collections.emptyIterator();

        Results(NextTask source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            return chunk.hasNext() || pending >= 0 || tasksLeft > 0;
        }

        /** As {@link #next(Duration)} without a limit; an interrupt ends the wait with a CompletionException. */
        @Override
        public R next() {
            try {
                return next(NO_DEADLINE);
            } catch (TimeoutException impossible) {
                throw new IllegalStateException(impossible);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }

        @Override
        public R next(Duration timeout) throws TimeoutException, InterruptedException {
            return next(System.nanoTime() + Math.max(0, timeout.toNanos()));
        }

        @SuppressWarnings("unchecked")
        private R next(long deadline) throws TimeoutException, InterruptedException {
            if (chunk.hasNext()) {
                return (R) chunk.next();
            }
            if (pending < 0) {
                if (tasksLeft == 0) {
                    throw new NoSuchElementException();
                }
                pending = source.index(deadline);
                tasksLeft--;
            }
            CompletableFuture<Object> future = reported.get(pending);
            Object value;
            try {
                value = deadline == NO_DEADLINE ? future.get()
                        : future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                pending = -1;
                throw Outcomes.rethrow(e.getCause()); // a cancellation, seen through the progress stage, too
            } catch (CancellationException e) {
                pending = -1;
                throw e;
            }
            chunk = values(tasks.get(pending), value).iterator();
            pending = -1;
            return (R) chunk.next();
        }
    }
}
