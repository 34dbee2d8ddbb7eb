package dev.spindle.gevent;

import dev.spindle.internal.handoff.Unchecked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * gevent's module functions: {@link #spawn}, {@link #joinAll} and {@link #sleep}. Arguments that
 * gevent passes after the function ({@code gevent.spawn(task, i)}) are captured by the lambda
 * ({@code Gevent.spawn(() -> task(i))}).
 *
 * <p>No {@code monkey.patch_all()}: tasks run on virtual threads, where a plain
 * {@code Thread.sleep}, socket I/O and the JDK's locks and queues already give way to other tasks.
 */
public final class Gevent {
    private Gevent() {}

    /** gevent's {@code spawn(fn)}: starts {@code fn} on a task of its own, now. */
    public static <T> Task<T> spawn(Callable<T> fn) {
        return new Task<>(fn).start();
    }

    /** gevent's {@code spawn(fn)} for a function that returns nothing: the task's value is null. */
    public static Task<Void> spawn(Action fn) {
        return spawn(voidCall(fn));
    }

    static Callable<Void> voidCall(Action fn) {
        return () -> {
            fn.run();
            return null;
        };
    }

    /** gevent's {@code joinall(tasks)}: waits until every task has finished; returns them in the order they finished. */
    public static List<Task<?>> joinAll(Collection<? extends Task<?>> tasks) throws InterruptedException {
        return joinAll(tasks, null, false);
    }

    /**
     * gevent's {@code joinall(tasks, timeout, raise_error)}: waits until every task has finished, or
     * {@code timeout} (null: no limit) has passed, or, with {@code raiseError}, one has failed.
     *
     * @return the tasks that finished, in the order they finished
     * @throws RuntimeException with {@code raiseError}, the first failed task's exception, as soon as
     *                          it fails (a checked one in an
     *                          {@link java.lang.reflect.UndeclaredThrowableException})
     */
    public static List<Task<?>> joinAll(Collection<? extends Task<?>> tasks, Duration timeout, boolean raiseError)
            throws InterruptedException {
        LinkedBlockingQueue<Task<?>> finished = new LinkedBlockingQueue<>();
        for (Task<?> task : tasks) {
            task.link(finished::add);
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        List<Task<?>> done = new ArrayList<>(tasks.size());
        while (done.size() < tasks.size()) {
            Task<?> next = timeout == null ? finished.take()
                    : finished.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            done.add(next);
            if (raiseError && next.state() == Future.State.FAILED) {
                throw Unchecked.of(next.exceptionNow());
            }
        }
        return done;
    }

    /** gevent's {@code sleep(seconds)}: {@code Thread.sleep}, which on a virtual thread lets other tasks run. */
    public static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }

    /** gevent's {@code sleep(seconds)} with the seconds as Python gives them. */
    public static void sleep(double seconds) throws InterruptedException {
        Thread.sleep(Duration.ofNanos(Math.round(seconds * 1e9)));
    }
}
