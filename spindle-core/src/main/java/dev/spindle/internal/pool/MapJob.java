package dev.spindle.internal.pool;

import dev.spindle.multiprocessing.ProgressListener;
import dev.spindle.multiprocessing.ResultIterator;
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
import java.util.function.Supplier;

/**
 * One map over a pool: the items cut into chunks, one task per chunk, and the ways to collect the
 * results — all at once, in order as they come, or in completion order.
 */
public final class MapJob {
    private final List<Task> tasks;
    private final int total;

    private MapJob(List<Task> tasks, int total) {
        this.tasks = tasks;
        this.total = total;
    }

    /**
     * Submits {@code items} in chunks. For a star map each item is a two-element list of
     * arguments. {@code chunksize} 0 picks one as CPython does: about four chunks per worker.
     */
    public static MapJob submit(TaskEngine engine, Object function, List<?> items, boolean star, int chunksize,
                                int workers, Duration timeout, int retries, ProgressListener progress) {
        int size = chunksize > 0 ? chunksize : autoChunksize(items.size(), workers);
        List<Task> tasks = new ArrayList<>((items.size() + size - 1) / size);
        try {
            for (int from = 0; from < items.size(); from += size) {
                List<?> slice = items.subList(from, Math.min(items.size(), from + size));
                tasks.add(size == 1
                        ? engine.submit(function, Task.Shape.SINGLE, arguments(star, slice.get(0)), timeout, retries)
                        : engine.submit(function, star ? Task.Shape.STAR_CHUNK : Task.Shape.CHUNK,
                                new ArrayList<>(slice), timeout, retries));
            }
        } catch (RuntimeException refused) {
            tasks.forEach(t -> t.future.cancel(false));
            throw refused;
        }
        MapJob job = new MapJob(tasks, items.size());
        if (progress != null) {
            job.reportProgress(progress);
        }
        return job;
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

    private void reportProgress(ProgressListener listener) {
        AtomicInteger done = new AtomicInteger();
        for (Task task : tasks) {
            task.future.whenComplete((v, e) -> listener.progress(done.addAndGet(task.size()), total));
        }
    }

    /** The values a finished task stands for: its value, or its chunk's values. */
    private static List<Object> values(Task task, Object value) {
        return task.shape == Task.Shape.SINGLE ? Collections.singletonList(value) : asList(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    /** Every result, in order; fails with the first failure as soon as it happens. Cancelling it cancels the tasks. */
    public CompletableFuture<List<Object>> all() {
        CompletableFuture<List<Object>> all = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                tasks.forEach(t -> t.future.cancel(mayInterruptIfRunning));
                return super.cancel(mayInterruptIfRunning);
            }
        };
        if (tasks.isEmpty()) {
            all.complete(List.of());
            return all;
        }
        Object[] values = new Object[total];
        AtomicInteger remaining = new AtomicInteger(tasks.size());
        int offset = 0;
        for (Task task : tasks) {
            int at = offset;
            offset += task.size();
            task.future.whenComplete((value, failure) -> {
                if (failure != null) {
                    all.completeExceptionally(failure);
                    return;
                }
                List<Object> chunk = values(task, value);
                for (int i = 0; i < chunk.size(); i++) {
                    values[at + i] = chunk.get(i);
                }
                if (remaining.decrementAndGet() == 0) {
                    all.complete(Arrays.asList(values));
                }
            });
        }
        return all;
    }

    /** The results in order, as they become ready. */
    public <R> ResultIterator<R> ordered() {
        return new Results<>(tasks.iterator()::next, tasks.size());
    }

    /** The results in the order tasks finish. */
    public <R> ResultIterator<R> unordered() {
        LinkedBlockingQueue<Task> finished = new LinkedBlockingQueue<>();
        tasks.forEach(t -> t.future.whenComplete((v, e) -> finished.add(t)));
        return new Results<>(() -> {
            try {
                return finished.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, tasks.size());
    }

    /** Cancels every task that has not finished. */
    public void cancelAll() {
        tasks.forEach(t -> t.future.cancel(true));
    }

    /** Walks tasks in the order {@code source} hands them out, flattening chunks. */
    private static final class Results<R> implements ResultIterator<R> {
        private final Supplier<Task> source;
        private int tasksLeft;
        private Task pending;
        private Iterator<Object> chunk = Collections.emptyIterator();

        Results(Supplier<Task> source, int tasks) {
            this.source = source;
            this.tasksLeft = tasks;
        }

        @Override
        public boolean hasNext() {
            return chunk.hasNext() || pending != null || tasksLeft > 0;
        }

        @Override
        public R next() {
            try {
                return next(null);
            } catch (TimeoutException impossible) {
                throw new IllegalStateException(impossible);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public R next(Duration timeout) throws TimeoutException, InterruptedException {
            if (chunk.hasNext()) {
                return (R) chunk.next();
            }
            if (pending == null) {
                if (tasksLeft == 0) {
                    throw new NoSuchElementException();
                }
                pending = source.get();
                tasksLeft--;
            }
            Object value;
            try {
                value = timeout == null ? pending.future.get() : pending.future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                pending = null;
                throw new CompletionException(e.getCause());
            } catch (CancellationException e) {
                pending = null;
                throw e;
            }
            chunk = values(pending, value).iterator();
            pending = null;
            return (R) chunk.next();
        }
    }
}
