package dev.spindle.internal.pool;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The future of a pool task, with the whole {@link CompletableFuture} contract. Completing it from
 * outside — {@code complete}, {@code completeExceptionally}, {@code completeAsync},
 * {@code obtrudeValue}/{@code obtrudeException}, and through them {@code orTimeout} and
 * {@code completeOnTimeout} — settles the task: a queued task is dropped, and a running one is
 * stopped as {@code cancel(true)} stops it (a process worker is killed and replaced, a thread
 * worker is interrupted and abandoned). {@code cancel(false)} drops a queued task and lets a
 * running one finish unobserved.
 *
 * <p>Memory consistency: as {@link CompletableFuture}; in addition, the task's settlement by
 * whichever party won (its worker, a timeout, a cancel, a completion from outside) happens-before
 * the future's completion.
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
        if (!settleFromOutside("cancelled")) {
            return isCancelled();
        }
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        engine.settledElsewhere(task, mayInterruptIfRunning);
        return cancelled;
    }

    @Override
    public boolean complete(T value) {
        return completeFromOutside("completed from outside its pool", () -> super.complete(value));
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException("ex");
        }
        return completeFromOutside("completed exceptionally from outside its pool", () -> super.completeExceptionally(ex));
    }

    /** Settles the task, completes this future with {@code completion}, and stops the task if it runs. */
    private boolean completeFromOutside(String why, BooleanSupplier completion) {
        if (!settleFromOutside(why)) {
            return false;
        }
        boolean completed = completion.getAsBoolean();
        engine.settledElsewhere(task, true);
        return completed;
    }

    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        if (supplier == null || executor == null) {
            throw new NullPointerException();
        }
        // The JDK's completeAsync completes through a private path; route it through complete().
        executor.execute(() -> {
            try {
                complete(supplier.get());
            } catch (Throwable t) {
                completeExceptionally(t);
            }
        });
        return this;
    }

    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier) {
        return completeAsync(supplier, defaultExecutor());
    }

    @Override
    public void obtrudeValue(T value) {
        boolean settledHere = settleFromOutside("value obtruded from outside its pool");
        super.obtrudeValue(value);
        if (settledHere) {
            engine.settledElsewhere(task, true); // after: the engine counts what the future now holds
        }
    }

    @Override
    public void obtrudeException(Throwable ex) {
        if (ex == null) {
            throw new NullPointerException("ex");
        }
        boolean settledHere = settleFromOutside("exception obtruded from outside its pool");
        super.obtrudeException(ex);
        if (settledHere) {
            engine.settledElsewhere(task, true);
        }
    }

    /** Claims the task for a completion from outside; true if it was not settled before. */
    private boolean settleFromOutside(String why) {
        if (!task.settle()) {
            return false;
        }
        task.abortReason = new CancellationException(why);
        return true;
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
    public String toString() {
        String outcome = switch (state()) {
            case RUNNING -> "Not completed";
            case SUCCESS -> "Completed normally";
            case FAILED -> "Completed exceptionally: " + exceptionNow();
            case CANCELLED -> "Cancelled";
        };
        return "Future[" + task + ", " + outcome + "]";
    }
}
