package dev.spindle.asyncio;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's asyncio event loop: tasks that run one at a time and switch only where they await.
 *
 * <p><b>How await maps to Java.</b> Each {@link Task} runs its body on its own virtual thread, and
 * an awaiting call ({@link Future#await()}, {@link Asyncio#sleep}, {@code queue.get()},
 * {@code reader.readline()}, …) is a plain blocking call. Of all the threads of one loop only the
 * one holding the loop's baton runs: an awaiting call registers how the task is to be woken (a
 * done-callback on what it awaits), then runs the loop itself — the ready callbacks and the timers
 * that fell due, in CPython's order — until it reaches another task's turn, hands the baton to that
 * task's thread and parks until its own turn comes. So tasks interleave exactly where CPython's
 * coroutines do, and a task that blocks in something that is not an await ({@code Thread.sleep},
 * a busy loop) holds up the whole loop, as in Python.
 *
 * <p><b>Order.</b> As CPython's {@code BaseEventLoop._run_once}: each round first moves the timers
 * that are due to the ready queue (earliest first; those due together in the order they were
 * made), then runs the callbacks that were ready at its start, in FIFO order.
 *
 * <p>The methods here are for code running in the loop (its tasks and callbacks), except
 * {@link #callSoonThreadsafe}, which any thread may call.
 */
public final class EventLoop {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Handle> ready = new ArrayDeque<>();
    private final PriorityQueue<Handle> timers = new PriorityQueue<>();
    private final Set<Task<?>> liveTasks = new LinkedHashSet<>();
    private final Set<SocketTransport> transports = new java.util.HashSet<>();
    private final Set<Server> servers = new java.util.HashSet<>();
    private final long origin = System.nanoTime();
    private long sequence;
    /** Callbacks left in this round (CPython's ntodo). */
    private int roundLeft;
    /** The strand that waits for a timer or another thread's callback, if one does. */
    private Thread idle;
    /** Whether a strand waits in a poll of the sockets (then another thread's callback wakes the poll). */
    private boolean polling;
    private final IoSelector sockets = new IoSelector();
    /** The ready sockets' callbacks of one poll, reused from round to round (only the loop's turn polls). */
    private final List<Runnable> readySockets = new ArrayList<>();
    private Task<?> current;
    private boolean running;
    private volatile Thread home;
    private boolean closed;
    private int taskNumber;

    EventLoop() {}

    /** The loop's clock, in seconds: Python's {@code loop.time()} (monotonic). */
    public double time() {
        return nanos() / 1e9;
    }

    long nanos() {
        return System.nanoTime() - origin;
    }

    /** Runs {@code callback} soon, after the callbacks already ready: Python's {@code call_soon}. */
    public Handle callSoon(Runnable callback) {
        return enqueue(callback, null);
    }

    /**
     * {@link #callSoon} from any thread: how another thread (an executor, a socket reader) hands a
     * result to the loop. It wakes the loop if it waits.
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        return enqueue(callback, null);
    }

    /** Runs {@code callback} once {@code delay} has passed: Python's {@code call_later}. */
    public Handle callLater(Duration delay, Runnable callback) {
        return schedule(nanos() + Math.max(0, delay.toNanos()), callback);
    }

    /** Runs {@code callback} at loop time {@code when} (seconds, see {@link #time()}): Python's {@code call_at}. */
    public Handle callAt(double when, Runnable callback) {
        return schedule(Math.round(when * 1e9), callback);
    }

    /** A pending future of this loop: Python's {@code loop.create_future()}. */
    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    /** Schedules {@code body} as a task of this loop: Python's {@code loop.create_task(coro, name=...)}. */
    public <T> Task<T> createTask(Callable<T> body, String name) {
        Task<T> task;
        lock.lock();
        try {
            checkOpen();
            task = new Task<>(this, body, name != null ? name : "Task-" + ++taskNumber);
            liveTasks.add(task);
        } finally {
            lock.unlock();
        }
        resume(task.strand);
        return task;
    }

    /**
     * Runs {@code fn} in {@code executor} (a thread pool, or a process pool whose workers are other
     * JVMs: then {@code fn} must be serializable, as a {@link dev.spindle.function.CheckedCallable}
     * lambda is) and gives a future of this loop for its result: Python's {@code run_in_executor}.
     */
    public <T> Future<T> runInExecutor(ExecutorService executor, Callable<T> fn) {
        java.util.concurrent.Future<T> submitted = executor.submit(fn);
        if (submitted instanceof CompletableFuture<T> completable) {
            return wrap(completable);
        }
        CompletableFuture<T> bridge = new CompletableFuture<>();
        Thread.ofVirtual().name("asyncio executor bridge").start(() -> {
            try {
                bridge.complete(submitted.get());
            } catch (java.util.concurrent.ExecutionException e) {
                bridge.completeExceptionally(e.getCause());
            } catch (Throwable e) {
                bridge.completeExceptionally(e);
            }
        });
        return wrap(bridge);
    }

    /**
     * A future of this loop that follows {@code completable} (completed by any thread): Python's
     * {@code asyncio.wrap_future}. Cancelling the loop's future cancels {@code completable}.
     */
    public <T> Future<T> wrap(CompletableFuture<T> completable) {
        Future<T> future = createFuture();
        completable.whenComplete((value, error) -> callSoonThreadsafe(() -> {
            if (future.done()) {
                return;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : error;
            if (cause instanceof java.util.concurrent.CancellationException) {
                future.cancel();
            } else if (cause != null) {
                future.setException(cause);
            } else {
                future.setResult(value);
            }
        }));
        future.addDoneCallback(f -> {
            if (f.cancelled()) {
                completable.cancel(true);
            }
        });
        return future;
    }

    /**
     * The thread that runs the loop ({@link Asyncio#run}'s caller): the one thread Python's loop
     * would run everything on. Here each task has a virtual thread of its own, but they take turns
     * as if they were this one.
     */
    public Thread thread() {
        return home;
    }

    /** Whether the loop runs (inside {@link Asyncio#run}). */
    public boolean isRunning() {
        return running;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The task holding the baton, or null in a callback. */
    Task<?> currentTask() {
        return current;
    }

    /** Every task of this loop that is not done: Python's {@code all_tasks()}. */
    public Set<Task<?>> allTasks() {
        lock.lock();
        try {
            return Set.copyOf(liveTasks);
        } finally {
            lock.unlock();
        }
    }

    void taskDone(Task<?> task) {
        lock.lock();
        try {
            liveTasks.remove(task);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the loop on the calling thread until {@code future} is done, then returns its result:
     * Python's {@code run_until_complete}.
     */
    <T> T runUntilComplete(Future<T> future) throws Exception {
        Strand caller = new Strand(Thread.currentThread()) {
            @Override
            Thread newThread() {
                throw new AssertionError("the caller's thread runs already");
            }

            @Override
            Task<?> task() {
                return null;
            }
        };
        running = true;
        home = Thread.currentThread();
        try {
            if (!future.done()) {
                future.addWakeup(caller);
                suspend(caller);
            }
        } finally {
            running = false;
        }
        return future.result();
    }

    /** Cancels every task still live and runs the loop until they are done (asyncio.run's last step). */
    void cancelRemaining() throws Exception {
        List<Task<?>> remaining = new ArrayList<>(allTasks());
        if (remaining.isEmpty()) {
            return;
        }
        remaining.forEach(Task::cancel);
        Future<List<Object>> all = Gathering.of(this, remaining, true);
        runUntilComplete(all);
        for (Task<?> task : remaining) {
            if (!task.cancelled() && task.exception() != null) {
                LOG.log(Level.ERROR, "unhandled exception during asyncio.run() shutdown in " + task.getName(), task.exception());
            }
        }
    }

    /** Closes the loop: sockets still open are closed, so no thread of theirs outlives it. */
    void close() {
        List<SocketTransport> open;
        List<Server> listening;
        lock.lock();
        try {
            closed = true;
            open = new ArrayList<>(transports);
            listening = new ArrayList<>(servers);
        } finally {
            lock.unlock();
        }
        listening.forEach(Server::close);
        open.forEach(SocketTransport::abort);
        sockets.close();
    }

    /** See {@link IoSelector#receiveBuffer()}: for code on the loop's turn only. */
    ByteBuffer receiveBuffer() {
        return sockets.receiveBuffer();
    }

    /** Watches {@code transport}'s socket for {@code ops}; its readiness comes back to {@link SocketTransport#ready}. */
    SelectionKey track(SocketTransport transport, SocketChannel channel, int ops) throws IOException {
        lock.lock();
        try {
            checkOpen();
            SelectionKey key = sockets.register(channel, ops, transport);
            transports.add(transport);
            return key;
        } finally {
            lock.unlock();
        }
    }

    void untrack(SocketTransport transport) {
        lock.lock();
        try {
            transports.remove(transport);
        } finally {
            lock.unlock();
        }
    }

    void track(Server server) {
        lock.lock();
        try {
            servers.add(server);
        } finally {
            lock.unlock();
        }
    }

    /** Schedules {@code strand} to take the baton in turn (a task's wake-up). */
    void resume(Strand strand) {
        enqueue(null, strand);
    }

    /**
     * Runs the loop on {@code self}'s thread until {@code self}'s turn comes again: passes the baton
     * to the next strand due and parks, or returns at once if that strand is {@code self}.
     */
    void suspend(Strand self) {
        drive(self, false);
    }

    /** Passes the baton on for good: {@code self}'s thread is ending. */
    void exit(Strand self) {
        drive(self, true);
    }

    private void drive(Strand self, boolean exiting) {
        while (true) {
            Handle next = next();
            if (next.resume == null) {
                current = null;
                runCallback(next.callback);
                continue;
            }
            Strand strand = next.resume;
            current = strand.task();
            if (strand == self) {
                return;
            }
            strand.take();
            if (!exiting) {
                self.awaitBaton();
            }
            return;
        }
    }

    private static void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException | Error e) {
            // Python's default exception handler: a failing callback is reported, the loop goes on
            LOG.log(Level.ERROR, "Exception in callback " + callback, e);
        }
    }

    /**
     * The next callback or wake-up to run. A round starts (CPython's {@code _run_once}) by polling
     * the sockets — at once when something is ready or due, else until the first timer or another
     * thread's callback — then adds the ready sockets' callbacks and the due timers to the ready queue.
     */
    private Handle next() {
        lock.lock();
        try {
            while (true) {
                if (roundLeft == 0) {
                    long now = nanos();
                    while (!timers.isEmpty() && timers.peek().cancelled()) {
                        timers.poll();
                    }
                    Handle first = timers.peek();
                    boolean due = first != null && first.when <= now;
                    long wait = !ready.isEmpty() || due ? 0 : first == null ? -1 : first.when - now;
                    if (sockets.watches()) {
                        pollSockets(wait);
                        now = nanos();
                    } else if (wait != 0) {
                        idleUntilWoken(wait);
                        continue;
                    }
                    for (Handle timer = timers.peek(); timer != null && timer.when <= now; timer = timers.peek()) {
                        ready.add(timers.poll());
                    }
                    if (ready.isEmpty()) {
                        continue;
                    }
                    roundLeft = ready.size();
                }
                roundLeft--;
                Handle handle = ready.poll();
                if (!handle.cancelled()) {
                    return handle;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Nothing ready and no socket to watch: sleeps {@code nanos} (negative: until woken by another thread). */
    private void idleUntilWoken(long nanos) {
        idle = Thread.currentThread();
        lock.unlock();
        try {
            if (nanos < 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            lock.lock();
            idle = null;
        }
    }

    /**
     * Polls the sockets (outside the lock, so other threads can queue callbacks and wake the poll)
     * and queues a callback for each ready one.
     */
    private void pollSockets(long nanos) {
        polling = nanos != 0;
        lock.unlock();
        try {
            sockets.poll(nanos, readySockets::add);
        } finally {
            lock.lock();
            polling = false;
        }
        for (Runnable callback : readySockets) {
            ready.add(new Handle(callback, null, 0, sequence++));
        }
        readySockets.clear();
    }

    private Handle enqueue(Runnable callback, Strand resume) {
        lock.lock();
        try {
            checkOpen();
            Handle handle = new Handle(callback, resume, 0, sequence++);
            ready.add(handle);
            wakeIdle();
            return handle;
        } finally {
            lock.unlock();
        }
    }

    private Handle schedule(long when, Runnable callback) {
        lock.lock();
        try {
            Handle handle = new Handle(callback, null, when, sequence++);
            timers.add(handle);
            wakeIdle();
            return handle;
        } finally {
            lock.unlock();
        }
    }

    /** Ends a poll of the sockets in progress, or the next one, at once: a socket's interest changed off the loop. */
    void wakePoll() {
        sockets.wakeup();
    }

    /** Under the lock: a thread waiting for work (parked, or polling the sockets) looks again. */
    private void wakeIdle() {
        if (idle != null) {
            LockSupport.unpark(idle);
        } else if (polling) {
            sockets.wakeup();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }
}
