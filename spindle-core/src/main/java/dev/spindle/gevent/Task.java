package dev.spindle.gevent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A spawned task: gevent's {@code Greenlet} handle, running on a virtual thread of its own, and a
 * {@link Future} of its result with that interface's whole contract.
 *
 * <p>Mapping: {@code g.value} is {@link #value()}, {@code g.exception} {@link #exception()},
 * {@code g.successful()} {@link #successful()}, {@code g.ready()} {@link #ready()},
 * {@code g.join(timeout)} {@link #join(Duration)}, {@code g.kill()} {@link #kill()},
 * {@code g.get()} {@link #get()} (which wraps the task's exception in an
 * {@link ExecutionException}, as every Future does), {@code g.link(fn)} {@link #link}.
 *
 * <p>Unlike gevent's greenlets, tasks run in parallel on the virtual threads' carrier threads: a
 * blocking call (a sleep, socket I/O) yields the carrier as gevent's patched calls yield the hub,
 * and CPU work on several tasks uses several cores. Shared state needs the usual Java
 * synchronization.
 */
public final class Task<T> implements Future<T> {
    private static final System.Logger LOG = System.getLogger(Task.class.getName());

    private final FutureTask<T> future;
    private final Thread thread;
    private List<Consumer<? super Task<T>>> links = new ArrayList<>();

    Task(Callable<T> body) {
        future = new FutureTask<>(body) {
            @Override
            protected void done() {
                runLinks();
            }
        };
        thread = Thread.ofVirtual().name("gevent-task").unstarted(future);
    }

    /** Starts the task's thread: a task is started once, by whoever spawned it. */
    Task<T> start() {
        thread.start();
        return this;
    }

    /** gevent's {@code g.value}: the result once the task succeeded, else null. */
    public T value() {
        return successful() ? future.resultNow() : null;
    }

    /**
     * gevent's {@code g.exception}: what the task threw once it failed (a
     * {@link CancellationException} once it was killed), else null.
     */
    public Throwable exception() {
        return switch (future.state()) {
            case FAILED -> future.exceptionNow();
            case CANCELLED -> new CancellationException("task killed");
            default -> null;
        };
    }

    /** gevent's {@code g.successful()}: the task has returned (not thrown, not been killed). */
    public boolean successful() {
        return future.state() == State.SUCCESS;
    }

    /** gevent's {@code g.ready()}: the task has finished, one way or another. */
    public boolean ready() {
        return future.isDone();
    }

    /** gevent's {@code g.join()}: waits until the task's thread has ended. */
    public void join() throws InterruptedException {
        thread.join();
    }

    /**
     * gevent's {@code g.join(timeout)}: waits at most {@code timeout} for the task's thread to end.
     *
     * @return whether it has ended
     */
    public boolean join(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    /**
     * gevent's {@code g.kill()}: interrupts the task where it blocks (a sleep, a wait, socket I/O,
     * which then closes the socket) and waits until its thread has ended. A task already finished is
     * left as it is. A killed task is cancelled: {@link #isCancelled()}, not {@link #successful()}.
     */
    public void kill() throws InterruptedException {
        future.cancel(true);
        thread.join();
    }

    /**
     * gevent's {@code g.link(fn)}: calls {@code callback} with this task once it has finished (at
     * once, in the caller, when it already has and its earlier links have run; else in the thread
     * that finishes it), after the links made before it. A callback that throws is logged and
     * changes nothing.
     */
    public void link(Consumer<? super Task<T>> callback) {
        synchronized (this) {
            if (links != null) {
                links.add(callback);
                return;
            }
        }
        call(callback);
    }

    /**
     * Runs the links in the order they were made, those made meanwhile too: a link made while the
     * earlier ones run waits for them (a group's link, which takes the task out of the group, runs
     * before the link of a {@code join} made later).
     */
    private void runLinks() {
        while (true) {
            List<Consumer<? super Task<T>>> toRun;
            synchronized (this) {
                toRun = links;
                if (toRun.isEmpty()) {
                    links = null;
                    return;
                }
                links = new ArrayList<>();
            }
            toRun.forEach(this::call);
        }
    }

    private void call(Consumer<? super Task<T>> callback) {
        try {
            callback.accept(this);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "a link of " + this + " failed", e);
        }
    }

    /** Kills the task without waiting if {@code mayInterruptIfRunning}, as {@link Future#cancel} says. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return future.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return future.isCancelled();
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return future.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout, unit);
    }

    @Override
    public State state() {
        return future.state();
    }

    @Override
    public T resultNow() {
        return future.resultNow();
    }

    @Override
    public Throwable exceptionNow() {
        return future.exceptionNow();
    }

    @Override
    public String toString() {
        return "<Task " + state() + ">";
    }
}
