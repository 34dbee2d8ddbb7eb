package dev.spindle.asyncio;

import dev.spindle.futures.ReturnWhen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Python's {@code asyncio} module functions. {@code async def f()} is a {@link Callable}; {@code await}
 * is a blocking call made inside a task: {@link Future#await()} (tasks are futures),
 * {@link #sleep}, and the awaiting methods of {@link Queue}, {@link Lock}, {@link StreamReader}, …
 * See {@link EventLoop} for how one loop's tasks take turns.
 *
 * <pre>{@code
 * Asyncio.run(() -> {
 *     Task<Integer> a = Asyncio.createTask(() -> { Asyncio.sleep(Duration.ofSeconds(1)); return 1; });
 *     Task<Integer> b = Asyncio.createTask(() -> { Asyncio.sleep(Duration.ofSeconds(1)); return 2; });
 *     return a.await() + b.await();   // 3, after one second
 * });
 * }</pre>
 *
 * Functions that await must be called from a task of a running loop; they throw
 * {@link IllegalStateException} elsewhere.
 */
public final class Asyncio {
    /** The loop the current thread takes part in. */
    static final ScopedValue<EventLoop> RUNNING = ScopedValue.newInstance();

    private Asyncio() {}

    /**
     * Python's {@code asyncio.run(main())}: a new loop runs {@code main} as a task until it ends;
     * then every task still live is cancelled and awaited, and the loop is closed. Returns
     * {@code main}'s result or throws its exception.
     *
     * @throws IllegalStateException if called from inside a running loop
     */
    public static <T> T run(Callable<T> main) throws Exception {
        if (RUNNING.isBound()) {
            throw new IllegalStateException("asyncio.run() cannot be called from a running event loop");
        }
        EventLoop loop = new EventLoop();
        return ScopedValue.where(RUNNING, loop).call(() -> {
            try {
                Task<T> task = loop.createTask(main, null);
                try {
                    return loop.runUntilComplete(task);
                } finally {
                    loop.cancelRemaining();
                }
            } finally {
                loop.close();
            }
        });
    }

    /** The loop running the current task or callback: Python's {@code get_running_loop()}. */
    public static EventLoop getRunningLoop() {
        if (!RUNNING.isBound()) {
            throw new IllegalStateException("no running event loop");
        }
        return RUNNING.get();
    }

    /** The task running now, or null in a loop callback: Python's {@code current_task()}. */
    public static Task<?> currentTask() {
        return getRunningLoop().currentTask();
    }

    /** Every task of the running loop that is not done: Python's {@code all_tasks()}. */
    public static Set<Task<?>> allTasks() {
        return getRunningLoop().allTasks();
    }

    /** The task calling, which must be one of {@code loop}'s. */
    static Task<?> currentTaskOf(EventLoop loop) {
        Task<?> task = loop.currentTask();
        if (task == null || !RUNNING.isBound() || RUNNING.get() != loop || !task.strand.runsOn(Thread.currentThread())) {
            throw new IllegalStateException("an await outside a task of the future's loop");
        }
        return task;
    }

    /** Schedules {@code body} as a task of the running loop: Python's {@code create_task(coro)}. */
    public static <T> Task<T> createTask(Callable<T> body) {
        return getRunningLoop().createTask(body, null);
    }

    /** {@link #createTask(Callable)} with a name. */
    public static <T> Task<T> createTask(Callable<T> body, String name) {
        return getRunningLoop().createTask(body, name);
    }

    /**
     * Python's {@code await asyncio.sleep(delay)}: suspends the calling task for {@code delay}
     * while the others run; zero or less lets every ready task run once.
     *
     * @throws CancelledError if the task is cancelled meanwhile
     */
    public static void sleep(Duration delay) {
        EventLoop loop = getRunningLoop();
        Task<?> task = currentTaskOf(loop);
        if (delay.isZero() || delay.isNegative()) {
            task.yieldTurn();
            return;
        }
        Future<Void> alarm = loop.createFuture();
        Handle handle = loop.callLater(delay, () -> {
            if (!alarm.done()) {
                alarm.setResult(null);
            }
        });
        try {
            task.suspendOn(alarm);
            if (alarm.cancelled()) {
                throw alarm.cancelledError();
            }
        } finally {
            handle.cancel();
        }
    }

    /** {@link #sleep(Duration)} in seconds, as Python spells it. */
    public static void sleep(double seconds) {
        sleep(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /**
     * Python's {@code gather(*aws)}: a future of every result, in the order given; the first
     * failure (or cancellation) of any fails it at once, the others run on.
     */
    public static Future<List<Object>> gather(Future<?>... aws) {
        return gather(false, aws);
    }

    /** {@link #gather(Future...)}; with {@code returnExceptions} a failure takes its result's place in the list. */
    public static Future<List<Object>> gather(boolean returnExceptions, Future<?>... aws) {
        return Gathering.of(getRunningLoop(), List.of(aws), returnExceptions);
    }

    /** Python's {@code gather(coro1, coro2, ...)}: each body becomes a task, in order. */
    public static Future<List<Object>> gather(Callable<?>... bodies) {
        List<Future<?>> tasks = new ArrayList<>();
        for (Callable<?> body : bodies) {
            tasks.add(createTask(body));
        }
        return gather(false, tasks.toArray(Future<?>[]::new));
    }

    /** {@link #gather(Future...)} over a list of futures of one type. */
    public static <T> Future<List<T>> gather(List<? extends Future<? extends T>> aws, boolean returnExceptions) {
        return Gathering.of(getRunningLoop(), aws, returnExceptions);
    }

    /**
     * Python's {@code await asyncio.wait(aws, timeout, return_when)}: suspends until
     * {@code returnWhen} holds or {@code timeout} (null: none) passes, and returns which futures
     * are done and which pending. Nothing is cancelled.
     *
     * @throws IllegalArgumentException if {@code aws} is empty
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<F> aws, ReturnWhen returnWhen, Duration timeout) {
        if (aws.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        EventLoop loop = getRunningLoop();
        Set<F> all = new LinkedHashSet<>(aws);
        Future<Void> waiter = loop.createFuture();
        int[] left = {all.size()};
        Consumer<Future<?>> onCompletion = f -> {
            left[0]--;
            if (left[0] <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null)) {
                release(waiter);
            }
        };
        Handle timer = timeout == null ? null : loop.callLater(timeout, () -> release(waiter));
        all.forEach(f -> f.addDoneCallback(onCompletion));
        try {
            awaitQuietly(waiter);
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            all.forEach(f -> f.removeDoneCallback(onCompletion));
        }
        Set<F> done = new LinkedHashSet<>();
        Set<F> pending = new LinkedHashSet<>();
        all.forEach(f -> (f.done() ? done : pending).add(f));
        return new DoneAndPending<>(done, pending);
    }

    /**
     * Python's {@code await asyncio.wait_for(aw, timeout)}: {@code aw}'s result, or
     * {@link TimeoutError} once {@code timeout} (null: none) passes — and then {@code aw} is
     * cancelled and awaited until it has ended. Cancelling the caller cancels {@code aw} too.
     */
    public static <T> T waitFor(Future<T> aw, Duration timeout) throws Exception {
        if (timeout == null) {
            return aw.await();
        }
        EventLoop loop = aw.getLoop();
        if (timeout.isZero() || timeout.isNegative()) {
            if (aw.done()) {
                return aw.result();
            }
            cancelAndWait(aw);
            return resultOrTimeout(aw);
        }
        Future<Void> waiter = loop.createFuture();
        Handle timer = loop.callLater(timeout, () -> release(waiter));
        Consumer<Future<T>> onDone = f -> release(waiter);
        aw.addDoneCallback(onDone);
        try {
            try {
                awaitQuietly(waiter);
            } catch (CancelledError e) {
                if (aw.done()) {
                    return aw.result();
                }
                aw.removeDoneCallback(onDone);
                cancelAndWait(aw);
                throw e;
            }
            if (aw.done()) {
                return aw.result();
            }
            aw.removeDoneCallback(onDone);
            cancelAndWait(aw);
            return resultOrTimeout(aw);
        } finally {
            timer.cancel();
        }
    }

    /** {@link #waitFor(Future, Duration)} of {@code body} run as a new task. */
    public static <T> T waitFor(Callable<T> body, Duration timeout) throws Exception {
        return waitFor(createTask(body), timeout);
    }

    private static <T> T resultOrTimeout(Future<T> cancelled) throws Exception {
        try {
            return cancelled.result();
        } catch (CancelledError e) {
            TimeoutError timeout = new TimeoutError("timed out");
            timeout.initCause(e);
            throw timeout;
        }
    }

    /** Cancels {@code future} and waits until it is done (CPython's {@code _cancel_and_wait}). */
    private static void cancelAndWait(Future<?> future) {
        Future<Void> waiter = future.getLoop().createFuture();
        Consumer<Future<?>> onDone = f -> release(waiter);
        future.addDoneCallback(onDone);
        try {
            future.cancel();
            awaitQuietly(waiter);
        } finally {
            future.removeDoneCallback(onDone);
        }
    }

    private static void release(Future<Void> waiter) {
        if (!waiter.done()) {
            waiter.setResult(null);
        }
    }

    /** Awaits a future that can only end with null or cancelled. */
    static void awaitQuietly(Future<?> signal) {
        currentTaskOf(signal.getLoop()).suspendOn(signal);
        if (signal.cancelled()) {
            throw signal.cancelledError();
        }
    }

    /**
     * Python's {@code as_completed(aws, timeout)}: futures that complete, in turn, with the outcome
     * of whichever of {@code aws} finishes first, second, …; once {@code timeout} (null: none)
     * passes, the ones left fail with {@link TimeoutError}.
     */
    public static <T> List<Future<T>> asCompleted(Collection<? extends Future<? extends T>> aws, Duration timeout) {
        EventLoop loop = getRunningLoop();
        List<Future<T>> slots = new ArrayList<>();
        for (int i = 0; i < new LinkedHashSet<>(aws).size(); i++) {
            slots.add(loop.createFuture());
        }
        int[] next = {0};
        Handle timer = timeout == null ? null : loop.callLater(timeout, () -> {
            for (; next[0] < slots.size(); next[0]++) {
                slots.get(next[0]).setException(new TimeoutError("as_completed timed out"));
            }
        });
        for (Future<? extends T> aw : new LinkedHashSet<>(aws)) {
            aw.addDoneCallback(done -> {
                if (next[0] < slots.size()) {
                    Outcome.copy(done, slots.get(next[0]++));
                    if (next[0] == slots.size() && timer != null) {
                        timer.cancel();
                    }
                }
            });
        }
        return slots;
    }

    /**
     * Python's {@code shield(aw)}: a future that follows {@code aw}, but whose cancellation does
     * not cancel {@code aw}.
     */
    public static <T> Future<T> shield(Future<T> aw) {
        if (aw.done()) {
            return aw;
        }
        Future<T> outer = aw.getLoop().createFuture();
        Consumer<Future<T>> follow = inner -> {
            if (!outer.done()) {
                Outcome.copy(inner, outer);
            }
        };
        aw.addDoneCallback(follow);
        outer.addDoneCallback(o -> {
            if (!aw.done()) {
                aw.removeDoneCallback(follow);
            }
        });
        return outer;
    }

    /**
     * Python's {@code async with asyncio.timeout(delay):} — runs {@code body} in the calling task;
     * if it is still running after {@code delay} (null: never), the task is cancelled and the
     * cancellation comes out of here as {@link TimeoutError}.
     */
    public static <T> T timeout(Duration delay, Callable<T> body) throws Exception {
        EventLoop loop = getRunningLoop();
        return timeoutAt(delay == null ? Double.NaN : loop.time() + delay.toNanos() / 1e9, body);
    }

    /** {@link #timeout} with a deadline in loop time ({@link EventLoop#time()}; NaN: none): Python's {@code timeout_at}. */
    public static <T> T timeoutAt(double when, Callable<T> body) throws Exception {
        EventLoop loop = getRunningLoop();
        Task<?> task = currentTaskOf(loop);
        int cancellingBefore = task.cancelling();
        boolean[] expired = {false};
        Handle timer = Double.isNaN(when) ? null : loop.callAt(when, () -> {
            expired[0] = true;
            task.cancel();
        });
        try {
            return body.call();
        } catch (CancelledError e) {
            if (expired[0] && task.uncancel() <= cancellingBefore) {
                TimeoutError timeout = new TimeoutError("timed out");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    /**
     * Python's {@code await asyncio.to_thread(fn)}: runs {@code fn} on a new virtual thread (not in
     * the loop) and gives a future of its result, so a blocking call does not hold up the loop.
     */
    public static <T> Future<T> toThread(Callable<T> fn) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name("asyncio to_thread").start(() -> {
            try {
                result.complete(fn.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return getRunningLoop().wrap(result);
    }

    /**
     * Python's {@code await asyncio.open_connection(host, port)}: a TCP connection's reader and
     * writer. The connect itself runs off the loop.
     */
    public static Connection openConnection(String host, int port) throws Exception {
        return SocketTransport.connect(getRunningLoop(), host, port);
    }

    /**
     * Python's {@code await asyncio.start_server(handler, host, port)}: a listening server (port 0:
     * one the OS picks) that runs {@code handler} as a new task for every connection. A handler
     * that throws is reported and the server keeps serving.
     */
    public static Server startServer(ConnectionHandler handler, String host, int port) throws Exception {
        return Server.start(getRunningLoop(), handler, host, port);
    }
}
