package dev.spindle.internal.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The future of a pool task. {@code cancel(true)} on a running task stops it: a process worker is
 * killed and replaced, a thread worker is interrupted and abandoned.
 */
public final class TaskFuture<T> extends CompletableFuture<T> {
    private final Task task;
    private final TaskEngine engine;

    TaskFuture(Task task, TaskEngine engine) {
        this.task = task;
        this.engine = engine;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!task.settle()) {
            return isCancelled();
        }
        CancellationException reason = new CancellationException("cancelled");
        task.abortReason = reason;
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        engine.settledElsewhere(task, mayInterruptIfRunning);
        return cancelled;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }

    /** Completes as the engine decided; only the engine calls this, after settling the task. */
    void finish(Object value, Throwable failure) {
        if (failure == null) {
            @SuppressWarnings("unchecked")
            T v = (T) value;
            super.complete(v);
        } else {
            super.completeExceptionally(failure);
        }
    }

    @Override
    public boolean complete(T value) {
        throw new UnsupportedOperationException("a pool task's future is completed by its pool");
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        throw new UnsupportedOperationException("a pool task's future is completed by its pool");
    }

    @Override
    public String toString() {
        return task + " " + super.toString();
    }
}
