package dev.spindle.internal.pool;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One unit of work of a pool: a function with its arguments, or a chunk of items for the same
 * function. A task settles exactly once ({@link #settle()}), however many parties race to finish
 * it (its worker, a timeout, a cancel, terminate). In the pool, "settle" means only this: the one
 * CAS that decides who gives the task its outcome.
 */
public final class Task {
    /** How the function is applied. */
    public enum Shape {
        /** {@code fn(args...)} once; the result is its value. */
        SINGLE,
        /** {@code fn(item)} for each item; the result is the list of values. */
        CHUNK,
        /** {@code fn(item[0], item[1])} for each item (a list); the result is the list of values. */
        STAR_CHUNK
    }

    final long seq;
    /** The function; for a relayed task, its encoded bytes. */
    final Object function;
    final Shape shape;
    /** The arguments (SINGLE) or items (chunks); encoded for processes at submit. */
    final List<Object> arguments;
    final long timeoutNanos;
    final TaskFuture<Object> future;
    /**
     * True when only Spindle's own code waits on this task's future (a blocking map, an
     * iterator): it may complete in the thread that learnt the result, without the hop to the
     * result thread that user callbacks need.
     */
    final boolean completeInPlace;
    /**
     * True for a task a cluster's worker host runs for a client: it came encoded, and its future
     * completes with the worker's {@link EncodedOutcome}, undecoded, whatever the task did.
     */
    final boolean relaysOutcome;
    int retriesLeft;
    /** Filled by a process or remote backend at submit: the function's id and the encoded arguments. */
    FunctionTable.Entry encodedFunction;
    byte[] encodedArguments;
    /**
     * Set by the worker's side before it finishes the task, when its pool records insights: the
     * function's time (0: not measured) and the worker's name. Read after the settle that follows.
     */
    long ranNanos;
    String ranBy;
    /** Why this task was stopped on purpose (timeout, cancel), if it was. */
    volatile Throwable abortReason;
    private final AtomicBoolean settled = new AtomicBoolean();

    Task(long seq, Object function, Shape shape, List<Object> arguments, long timeoutNanos, int retries,
         boolean completeInPlace, boolean relaysOutcome, TaskEngine engine) {
        this.seq = seq;
        this.function = function;
        this.shape = shape;
        this.arguments = arguments;
        this.timeoutNanos = timeoutNanos;
        this.retriesLeft = retries;
        this.completeInPlace = completeInPlace;
        this.relaysOutcome = relaysOutcome;
        this.future = new TaskFuture<>(this, engine);
    }

    /** The task's future, completed by its pool. */
    public TaskFuture<Object> future() {
        return future;
    }

    /** Runs the function in the calling thread, ignoring its value (for tasks handed back by shutdownNow). */
    public void runHere() {
        try {
            Invocation.run(function, shape, arguments);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Claims the right to finish this task; true for exactly one caller. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }

    boolean isSettled() {
        return settled.get();
    }

    /** The number of items this task covers (1 for a single call). */
    public int size() {
        return shape == Shape.SINGLE ? 1 : arguments.size();
    }

    @Override
    public String toString() {
        return "task " + seq + " (" + shape + ")";
    }
}
