package dev.spindle.internal.pool;

import dev.spindle.multiprocessing.ResultIterator;
import dev.spindle.multiprocessing.TaskOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The results of a map that reads its items as its consumer goes (Python's {@code imap} and
 * {@code imap_unordered}, and an executor's map): an input of any length, an endless one too,
 * streams through the pool in bounded memory.
 *
 * <p><b>The window.</b> At most {@code window} tasks are ahead of the consumer: queued or running,
 * or finished with results not yet taken. The first window is read from the input at the call;
 * then, each time the consumer moves on to a task's results, the input is read (in the consumer's
 * thread) until the window is full again. So a consumer that stops stops the reading, and the
 * pool's workers with it.
 *
 * <p><b>Failures stay in their place.</b> A task that failed throws its failure where its results
 * would be, and the iteration goes on. An exception from the input ({@code iterator()},
 * {@code hasNext()} or {@code next()}) ends the reading: the results of every item before it come
 * first (in order, or, unordered, all of them), then the exception itself is thrown, and the
 * iteration ends; the items read into the chunk it broke off still run, as a shorter chunk. A
 * chunk the pool cannot encode fails in its place with the pool's
 * {@link dev.spindle.SerializationException}, and the reading goes on. A pool that takes no more
 * tasks (shut down, terminated, broken) refuses the call that opens the stream, as
 * {@link TaskEngine#submit} does; later, it ends the reading as an input exception does, with the
 * pool's refusal.
 *
 * <p>One consumer at a time, as for any iterator; {@link #close()} may come from any thread.
 */
public final class MapStream<R> implements ResultIterator<R> {
    /** A deadline that never passes. */
    private static final long NO_DEADLINE = Long.MIN_VALUE;

    /**
     * One place in the results: a task and what its consumer waits on, or (task null) a failure
     * that took the place of a task.
     */
    private record Slot(Task task, CompletableFuture<Object> result) {
        static Slot failed(Throwable failure) {
            return new Slot(null, CompletableFuture.failedFuture(failure));
        }

        void cancel(boolean mayInterruptIfRunning) {
            if (task != null) {
                task.future.cancel(mayInterruptIfRunning);
            }
        }
    }

    private final MapTasks maker;
    /** The input, let go once it has ended. */
    private Iterable<?> items;
    private final int window;
    /** Tasks submitted whose results the consumer has not begun to take: what fills the window, and what {@link #close} cancels. */
    private final Set<Slot> ahead = ConcurrentHashMap.newKeySet();
    /** In order: every place in input order. Null unordered. */
    private final ArrayDeque<Slot> inOrder;
    /** Unordered: places as their tasks finish. Null in order. */
    private final LinkedBlockingQueue<Slot> finished;
    private Iterator<?> input;
    private boolean inputEnded;
    /** Unordered: what ended the input, thrown once every place before it was taken. */
    private Throwable endFailure;
    /** The place whose results the consumer waits for (a timeout leaves it here). */
    private volatile Slot pending;
    private Iterator<Object> chunk = Collections.emptyIterator();
    private volatile boolean closed;
    /** False while the call that opens the stream reads the first window: a pool that refuses then refuses the call. */
    private boolean opened;

    private MapStream(MapTasks maker, Iterable<?> items, int window, boolean ordered) {
        this.maker = maker;
        this.items = items;
        this.window = window;
        this.inOrder = ordered ? new ArrayDeque<>() : null;
        this.finished = ordered ? null : new LinkedBlockingQueue<>();
    }

    /**
     * Starts a map of {@code function} over {@code items}, {@code options.chunksize()} (at least 1)
     * items per task, at most {@code window} tasks ahead of the consumer; its results come in input
     * order when {@code ordered}, else as tasks finish. Reads the first window now. Progress
     * reports count against the input's size if it is a {@link Collection}, else against -1.
     */
    public static <R> MapStream<R> open(TaskEngine engine, Object function, MapJob.Items kind, Iterable<?> items,
                                        TaskOptions options, int window, boolean ordered) {
        if (options.chunksize() < 1 || window < 1) {
            throw new IllegalArgumentException("a stream needs a chunk size and a window of at least 1: "
                    + options.chunksize() + ", " + window);
        }
        long total = items instanceof Collection<?> sized ? sized.size() : -1;
        MapTasks maker = new MapTasks(engine, function, kind, options.chunksize(), options, MapJob.Futures.CALLER, total);
        MapStream<R> stream = new MapStream<>(maker, items, window, ordered);
        stream.fill();
        stream.opened = true;
        return stream;
    }

    /** Reads the input until {@code window} tasks are ahead of the consumer, or the input has ended. */
    private void fill() {
        while (!inputEnded && !closed && ahead.size() < window) {
            if (!poolTakesMore()) {
                break;
            }
            List<Object> read = new ArrayList<>(maker.chunksize());
            Throwable inputFailure = null;
            try {
                if (input == null) {
                    input = items.iterator();
                }
                while (read.size() < maker.chunksize() && input.hasNext()) {
                    read.add(input.next());
                }
            } catch (Exception e) { // a checked one too: an iterator may throw it undeclared
                inputFailure = e;
            }
            if (!read.isEmpty()) {
                submit(read);
            }
            if (inputFailure != null) {
                end(inputFailure);
            } else if (read.size() < maker.chunksize()) {
                inputEnded = true;
            }
        }
        if (inputEnded) {
            items = null;
            input = null;
        }
    }

    /**
     * True if the pool takes tasks, so that no item is read for a task it would refuse; else the
     * call that opens the stream throws the refusal, or the reading ends with it.
     */
    private boolean poolTakesMore() {
        try {
            maker.requirePoolRunning();
            return true;
        } catch (RuntimeException refused) {
            refuse(refused);
            return false;
        }
    }

    private void refuse(RuntimeException refused) {
        if (!opened) {
            cancelRemaining(false);
            throw refused;
        }
        end(refused);
    }

    private void submit(List<Object> read) {
        Slot slot;
        try {
            Task task = maker.submit(read);
            slot = new Slot(task, maker.reported(task));
        } catch (RuntimeException refused) {
            if (!maker.poolRunning()) {
                refuse(refused); // stopped after poolTakesMore looked: the items read are lost with it
                return;
            }
            slot = Slot.failed(refused); // these items cannot be encoded; the next ones may be
        }
        if (slot.task() != null) {
            ahead.add(slot);
        }
        place(slot);
    }

    private void place(Slot slot) {
        if (inOrder != null) {
            inOrder.add(slot);
        } else {
            slot.result().whenComplete((v, e) -> finished.add(slot));
        }
    }

    /** The input ended with {@code failure}: nothing more is read, and it comes after every place before it. */
    private void end(Throwable failure) {
        if (inputEnded) {
            return;
        }
        inputEnded = true;
        if (inOrder != null) {
            inOrder.add(Slot.failed(failure));
        } else {
            endFailure = failure;
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (chunk.hasNext() || pending != null) {
            return true;
        }
        fill();
        return inOrder != null ? !inOrder.isEmpty() : !nothingMoreUnordered();
    }

    private boolean nothingMoreUnordered() {
        return finished.isEmpty() && ahead.isEmpty() && endFailure == null;
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

    private R next(long deadline) throws TimeoutException, InterruptedException {
        if (closed) {
            throw new NoSuchElementException("this iterator was closed");
        }
        if (chunk.hasNext()) {
            return take(chunk);
        }
        Slot slot = pending;
        if (slot == null) {
            fill();
            slot = inOrder != null ? nextInOrder() : nextFinished(deadline);
            ahead.remove(slot);
            pending = slot;
        }
        Object value;
        try {
            value = deadline == NO_DEADLINE ? slot.result().get()
                    : slot.result().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            pending = null;
            throw Outcomes.rethrow(e.getCause()); // a cancellation, seen through the progress stage, too
        } catch (CancellationException e) {
            pending = null;
            throw e;
        }
        pending = null;
        return take(MapTasks.values(slot.task(), value).iterator());
    }

    /** The next of {@code values}, holding on to them only while some are left: a result taken is the consumer's alone. */
    @SuppressWarnings("unchecked")
    private R take(Iterator<Object> values) {
        R value = (R) values.next();
        chunk = values.hasNext() ? values : Collections.emptyIterator();
        return value;
    }

    private Slot nextInOrder() {
        Slot slot = inOrder.poll();
        if (slot == null) {
            throw new NoSuchElementException();
        }
        return slot;
    }

    private Slot nextFinished(long deadline) throws TimeoutException, InterruptedException {
        if (finished.isEmpty() && ahead.isEmpty()) {
            if (endFailure == null) {
                throw new NoSuchElementException();
            }
            Slot last = Slot.failed(endFailure);
            endFailure = null;
            return last;
        }
        if (deadline == NO_DEADLINE) {
            return finished.take();
        }
        Slot slot = finished.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (slot == null) {
            throw new TimeoutException("no result was ready in time");
        }
        return slot;
    }

    /**
     * Stops the map: no more items are read, tasks not yet started are dropped (running ones
     * finish, their results unread), and the iteration ends ({@link #hasNext()} is false).
     */
    @Override
    public void close() {
        cancelRemaining(false);
    }

    /** As {@link #close()}; with {@code mayInterruptIfRunning}, running tasks are stopped too (see {@link TaskFuture}). */
    public void cancelRemaining(boolean mayInterruptIfRunning) {
        closed = true;
        ahead.forEach(slot -> slot.cancel(mayInterruptIfRunning));
        Slot waitedFor = pending;
        if (waitedFor != null) {
            waitedFor.cancel(mayInterruptIfRunning);
        }
    }
}
