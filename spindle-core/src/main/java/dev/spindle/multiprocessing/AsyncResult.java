package dev.spindle.multiprocessing;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result of {@link Pool#applyAsync} or {@link Pool#mapAsync} (Python's {@code AsyncResult}),
 * which is also a {@link Future}. {@code get} returns the value or throws an
 * {@link ExecutionException} whose cause is the task's failure; {@link #toCompletableFuture()}
 * gives the underlying future for composition.
 *
 * <p>Memory consistency: the task's completion happens-before a {@code get} or {@code waitFor}
 * that observes it returns.
 */
public final class AsyncResult<T> implements Future<T> {
    private final CompletableFuture<T> future;
    /** What cancel() cancels: the task's own future, which {@code future} may depend on. */
    private final Future<?> task;

    AsyncResult(CompletableFuture<T> future) {
        this(future, future);
    }

    AsyncResult(CompletableFuture<T> future, Future<?> task) {
        this.future = future;
        this.task = task;
    }

    /** Waits for the result. */
    @Override
    public T get() throws InterruptedException, ExecutionException {
        return future.get();
    }

    /** Waits at most {@code timeout} for the result (Python's {@code get(timeout)}). */
    public T get(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout, unit);
    }

    /** Waits until the result is ready (Python's {@code wait()}). */
    public void waitFor() throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException | CancellationException ready) {
            // ready, with a failure: waiting does not report it
        }
    }

    /** Waits at most {@code timeout} until the result is ready; true if it is. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CancellationException ready) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
        return true;
    }

    /** True once the task has finished, well or not (Python's {@code ready()}). */
    public boolean ready() {
        return future.isDone();
    }

    /**
     * True if the task finished without failing.
     *
     * @throws IllegalStateException if it has not finished (Python raises ValueError)
     */
    public boolean successful() {
        if (!future.isDone()) {
            throw new IllegalStateException("the result is not ready");
        }
        return !future.isCompletedExceptionally();
    }

    /** Cancels the task; with {@code mayInterruptIfRunning}, a running task's worker is stopped. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return task.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return future.isCancelled();
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }

    /** The future behind this result. */
    public CompletableFuture<T> toCompletableFuture() {
        return future;
    }

    @Override
    public String toString() {
        return "AsyncResult[" + (future.isDone() ? (successful() ? "successful" : "failed") : "pending") + "]";
    }
}
