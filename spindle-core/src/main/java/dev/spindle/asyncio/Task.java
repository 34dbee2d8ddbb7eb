package dev.spindle.asyncio;

import java.util.concurrent.Callable;

/**
 * Python's {@code asyncio.Task}: a body that runs in its loop, on its own virtual thread, and
 * switches only where it awaits (see {@link EventLoop} for how). A task is a {@link Future} of its
 * body's result: other tasks {@link #await()} it, and its done-callbacks run when it ends.
 *
 * <p><b>Cancellation</b> ({@link #cancel()}) is a request: the task sees a {@link CancelledError} at
 * its next await (at once if it is awaiting now; before its first instruction if it has not
 * started), its {@code finally} blocks run, and it ends cancelled unless it catches the error and
 * returns. {@link #cancelling()} counts the requests and {@link #uncancel()} withdraws one (used
 * by {@link TaskGroup} and {@link Asyncio#timeout}), as in Python 3.11.
 */
public final class Task<T> extends Future<T> {
    final Strand strand;
    private final Callable<T> body;
    private String name;
    private Future<?> waitingOn;
    private boolean mustCancel;
    private String cancelMessage;
    private int cancelRequests;

    Task(EventLoop loop, Callable<T> body, String name) {
        super(loop);
        this.body = body;
        this.name = name;
        this.strand = new Strand() {
            @Override
            Thread newThread() {
                return Thread.ofVirtual().name(Task.this.name).unstarted(Task.this::runBody);
            }

            @Override
            Task<?> task() {
                return Task.this;
            }
        };
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /**
     * Requests cancellation (see the class comment). False if the task is done already.
     */
    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        cancelRequests++;
        if (waitingOn != null && waitingOn.cancel(message)) {
            return true;
        }
        mustCancel = true;
        cancelMessage = message;
        return true;
    }

    /** How many cancellation requests are pending: Python's {@code Task.cancelling()}. */
    public int cancelling() {
        return cancelRequests;
    }

    /**
     * Withdraws one cancellation request; the count left: Python's {@code Task.uncancel()}. At
     * zero, a cancellation not yet delivered is dropped (as Python 3.13 does).
     */
    public int uncancel() {
        if (cancelRequests > 0) {
            cancelRequests--;
        }
        if (cancelRequests == 0) {
            mustCancel = false;
        }
        return cancelRequests;
    }

    /** A task's result is its body's: Python raises RuntimeError here too. */
    @Override
    public void setResult(T value) {
        throw new UnsupportedOperationException("Task does not support setResult()");
    }

    /** A task's exception is its body's: Python raises RuntimeError here too. */
    @Override
    public void setException(Throwable error) {
        throw new UnsupportedOperationException("Task does not support setException()");
    }

    /** Awaits {@code future}: parks this task's thread until the future wakes it, running the loop meanwhile. */
    void suspendOn(Future<?> future) {
        waitingOn = future;
        future.addWakeup(strand);
        loop.suspend(strand);
        waitingOn = null;
        checkCancelRequested();
    }

    /** Python's bare yield ({@code sleep(0)}): lets every task that is ready run once. */
    void yieldTurn() {
        loop.resume(strand);
        loop.suspend(strand);
        checkCancelRequested();
    }

    void checkCancelRequested() {
        if (mustCancel) {
            mustCancel = false;
            throw new CancelledError(cancelMessage);
        }
    }

    private void runBody() {
        ScopedValue.where(Asyncio.RUNNING, loop).run(() -> {
            try {
                checkCancelRequested();
                T value = body.call();
                super.setResult(value);
            } catch (CancelledError e) {
                super.cancel(e.getMessage());
            } catch (Throwable e) {
                super.setException(e);
            }
            loop.taskDone(this);
            loop.exit(strand);
        });
    }

    @Override
    public String toString() {
        return "<Task " + name + " " + super.toString() + ">";
    }
}
