package dev.spindle.asyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Python's {@code asyncio.Future}: a result that a task of its loop awaits with {@link #await()}.
 * Not thread-safe, as in Python: only code running in its loop touches it (other threads go
 * through {@link EventLoop#callSoonThreadsafe}). It is not a {@code java.util.concurrent.Future}:
 * that contract's blocking {@code get} from inside the loop would stop the very loop that has to
 * complete it.
 *
 * <p>Done-callbacks run in the loop, soon after the future is done, in the order they were added,
 * each as its own loop callback (Python's {@code add_done_callback}).
 */
public class Future<T> {
    private enum State { PENDING, CANCELLED, FINISHED }

    final EventLoop loop;
    private State state = State.PENDING;
    private T result;
    private Throwable exception;
    private String cancelMessage;
    /** {@link Consumer}s and {@link Strand}s (tasks awaiting this), in order. */
    private List<Object> callbacks;

    Future(EventLoop loop) {
        this.loop = loop;
    }

    /** The loop this future belongs to. */
    public EventLoop getLoop() {
        return loop;
    }

    public boolean done() {
        return state != State.PENDING;
    }

    public boolean cancelled() {
        return state == State.CANCELLED;
    }

    /** Cancels the future if it is pending; its done-callbacks are scheduled. True if it was pending. */
    public boolean cancel() {
        return cancel(null);
    }

    /** {@link #cancel()} with the message the {@link CancelledError} carries. */
    public boolean cancel(String message) {
        if (state != State.PENDING) {
            return false;
        }
        cancelMessage = message;
        finish(State.CANCELLED);
        return true;
    }

    /**
     * The result; throws the future's exception itself (not a wrapper), {@link CancelledError} if
     * it was cancelled, {@link InvalidStateError} if it is not done.
     */
    public T result() throws Exception {
        switch (state) {
            case PENDING -> throw new InvalidStateError("Result is not ready.");
            case CANCELLED -> throw cancelledError();
            default -> {
                if (exception != null) {
                    throw Rethrow.asException(exception);
                }
                return result;
            }
        }
    }

    /**
     * The result of a future that finished without an exception, with no checked exception to
     * catch (for done-callbacks), as JDK's {@code Future.resultNow()}.
     *
     * @throws IllegalStateException if the future is pending, failed or was cancelled
     */
    public T resultNow() {
        if (state != State.FINISHED || exception != null) {
            throw new IllegalStateException("the future " + (state == State.PENDING ? "is pending" : exception != null ? "failed" : "was cancelled"),
                    exception);
        }
        return result;
    }

    /** The exception the future ended with, or null; {@link CancelledError} if cancelled, {@link InvalidStateError} if pending. */
    public Throwable exception() {
        return switch (state) {
            case PENDING -> throw new InvalidStateError("Exception is not set.");
            case CANCELLED -> throw cancelledError();
            default -> exception;
        };
    }

    /** Python's {@code set_result}: {@link InvalidStateError} if already done. */
    public void setResult(T value) {
        requirePending();
        result = value;
        finish(State.FINISHED);
    }

    /** Python's {@code set_exception}: {@link InvalidStateError} if already done. */
    public void setException(Throwable error) {
        requirePending();
        exception = java.util.Objects.requireNonNull(error, "error");
        finish(State.FINISHED);
    }

    /** Adds a callback run in the loop once the future is done (soon, if it is done already). */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (done()) {
            loop.callSoon(() -> callback.accept(this));
        } else {
            callbacks().add(callback);
        }
    }

    /** Removes every registration of {@code callback}; how many were removed. */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        if (callbacks == null) {
            return 0;
        }
        int before = callbacks.size();
        callbacks.removeIf(c -> c == callback);
        return before - callbacks.size();
    }

    /**
     * Python's {@code await future}: from a task of this future's loop, suspends the task until the
     * future is done (other tasks run meanwhile) and returns its result or throws its exception.
     * If the task is cancelled meanwhile, throws {@link CancelledError} (and cancels this future,
     * as Python does).
     *
     * @throws IllegalStateException if the caller is not a task of this future's loop
     */
    public T await() throws Exception {
        Task<?> task = Asyncio.currentTaskOf(loop);
        if (!done()) {
            task.suspendOn(this);
        } else {
            task.checkCancelRequested();
        }
        return result();
    }

    /** Registers a task's wake-up. */
    void addWakeup(Strand strand) {
        if (done()) {
            loop.resume(strand);
        } else {
            callbacks().add(strand);
        }
    }

    void removeWakeup(Strand strand) {
        if (callbacks != null) {
            callbacks.remove(strand);
        }
    }

    CancelledError cancelledError() {
        return new CancelledError(cancelMessage);
    }

    private void requirePending() {
        if (state != State.PENDING) {
            throw new InvalidStateError("invalid state: " + state);
        }
    }

    private List<Object> callbacks() {
        if (callbacks == null) {
            callbacks = new ArrayList<>(2);
        }
        return callbacks;
    }

    @SuppressWarnings("unchecked")
    private void finish(State end) {
        state = end;
        if (callbacks == null) {
            return;
        }
        for (Object callback : callbacks) {
            if (callback instanceof Strand strand) {
                loop.resume(strand);
            } else {
                Consumer<? super Future<T>> consumer = (Consumer<? super Future<T>>) callback;
                loop.callSoon(() -> consumer.accept(this));
            }
        }
        callbacks = null;
    }

    @Override
    public String toString() {
        return "<Future " + state.name().toLowerCase(java.util.Locale.ROOT) + (state == State.FINISHED
                ? (exception != null ? " exception=" + exception : " result=" + result) : "") + ">";
    }
}
