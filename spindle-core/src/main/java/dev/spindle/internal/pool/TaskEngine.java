package dev.spindle.internal.pool;

import dev.spindle.BrokenPoolException;
import dev.spindle.insights.PoolInsights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The heart of every pool and executor: the queue of tasks, the pool's state, and the rules for
 * finishing a task exactly once. Workers (see {@link Workers}) take tasks from here and
 * report back; a task a dead worker had not started comes back to the front of the queue.
 *
 * <p>States: RUNNING accepts tasks; SHUTDOWN runs what was submitted, then workers end; TERMINATED
 * fails whatever is queued or running with a CancellationException and kills the workers; BROKEN
 * (the initializer failed) fails everything with a {@link BrokenPoolException}.
 *
 * <p>Locking: {@code lock} guards the queue, the state and the count of unsettled tasks.
 * Futures are completed outside it.
 */
public final class TaskEngine {
    /** The pool's state. */
    public enum State { RUNNING, SHUTDOWN, TERMINATED, BROKEN }

    private static final long WATCHDOG_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ReentrantLock lock = new ReentrantLock();
    /** Workers wait here for tasks. */
    private final Condition taskReady = lock.newCondition();
    /** Waiters for the end wait here. */
    private final Condition ended = lock.newCondition();
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final AtomicLong seqs = new AtomicLong();
    private final Workers workers;
    private final ResultHandler results;
    private final String name;
    private final Duration defaultTimeout;
    private final int defaultRetries;
    private final TaskRecords records;
    /** Which pool came first, for listing them in order. */
    private final long birth = BIRTHS.incrementAndGet();
    private static final AtomicLong BIRTHS = new AtomicLong();
    private State state = State.RUNNING;
    private long unsettled;
    private BrokenPoolException broken;
    private Thread watchdog;

    /** An engine whose tasks run in {@code config.workers()} worker processes. */
    public static TaskEngine processes(String name, PoolConfig config) {
        return new TaskEngine(name, new ProcessWorkers(config), config);
    }

    /**
     * An engine whose tasks run in {@code config.workers()} platform threads, or in one virtual
     * thread each; {@code callbacksInWorker} completes futures in the thread that ran the task
     * (Python's ThreadPoolExecutor) rather than in a result thread (Python's ThreadPool).
     */
    public static TaskEngine threads(String name, PoolConfig config, boolean virtual, boolean callbacksInWorker) {
        return new TaskEngine(name, new ThreadWorkers(config, virtual, callbacksInWorker), config);
    }

    /**
     * An engine whose tasks run elsewhere: {@code channel} carries them to a cluster's worker
     * hosts and their outcomes back. Callbacks run in this JVM's result thread.
     */
    public static TaskEngine remote(String name, PoolConfig config, TaskChannel channel) {
        return new TaskEngine(name, new RemoteWorkers(config, channel), config);
    }

    TaskEngine(String name, Workers workers, PoolConfig config) {
        this.name = name;
        this.defaultTimeout = config.taskTimeout();
        this.defaultRetries = config.retries();
        this.records = new TaskRecords(config.insights());
        this.workers = workers;
        this.results = workers.completesInWorker() ? null : new ResultHandler(name + "-results");
        workers.start(this);
        LiveEngines.add(this);
    }

    long birth() {
        return birth;
    }

    /** A pool's name, for thread names and messages. */
    String name() {
        return name;
    }

    /**
     * Queues a task. A null {@code timeout} or negative {@code retries} means the pool's default.
     *
     * @throws IllegalStateException if the pool does not accept tasks
     * @throws BrokenPoolException if the pool is broken
     * @throws dev.spindle.SerializationException if a process pool cannot encode the function or arguments
     */
    public Task submit(Object function, Task.Shape shape, List<Object> arguments, Duration timeout, int retries) {
        return submit(function, shape, arguments, timeout, retries, false);
    }

    /**
     * Queues a task whose future only Spindle's own code observes when {@code completeInPlace}
     * (see {@link Task#completeInPlace}).
     */
    Task submit(Object function, Task.Shape shape, List<Object> arguments, Duration timeout, int retries,
                boolean completeInPlace) {
        Task task = newTask(function, shape, arguments, timeout, retries, completeInPlace, false);
        workers.prepare(task);
        return enqueue(task);
    }

    /**
     * Queues a task that came encoded — a cluster client's, run by a worker host — whose future
     * completes with the worker's {@link EncodedOutcome}, undecoded (or fails where the run
     * failed: a dead worker, a timeout). The host needs none of the task's classes.
     *
     * @throws IllegalStateException if the pool does not accept tasks, or its workers are not processes
     */
    public Task submitEncoded(byte[] function, byte[] arguments, Task.Shape shape, Duration timeout, int retries) {
        if (!(workers instanceof ProcessWorkers)) {
            throw new IllegalStateException("only worker processes run tasks that came encoded");
        }
        Task task = newTask(function, shape, List.of(), timeout, retries, true, true);
        task.encodedArguments = arguments;
        workers.prepare(task);
        return enqueue(task);
    }

    private Task newTask(Object function, Task.Shape shape, List<Object> arguments, Duration timeout, int retries,
                         boolean completeInPlace, boolean relaysOutcome) {
        Duration effectiveTimeout = timeout != null ? timeout : defaultTimeout;
        long timeoutNanos = effectiveTimeout == null ? 0 : effectiveTimeout.toNanos();
        return new Task(seqs.incrementAndGet(), function, shape, arguments, timeoutNanos,
                retries >= 0 ? retries : defaultRetries, completeInPlace, relaysOutcome, this);
    }

    private Task enqueue(Task task) {
        long timeoutNanos = task.timeoutNanos;
        lock.lock();
        try {
            requireRunningLocked();
            queue.addLast(task);
            unsettled++;
            taskReady.signal();
            if (timeoutNanos > 0) {
                startWatchdogLocked();
            }
        } finally {
            lock.unlock();
        }
        return task;
    }

    /**
     * Throws what {@link #submit} would throw now because of the pool's state.
     *
     * @throws IllegalStateException if the pool does not accept tasks
     * @throws BrokenPoolException if the pool is broken
     */
    void requireRunning() {
        lock.lock();
        try {
            requireRunningLocked();
        } finally {
            lock.unlock();
        }
    }

    private void requireRunningLocked() {
        if (state == State.BROKEN) {
            throw new BrokenPoolException(name + " is broken: " + broken.getMessage(), broken.getCause());
        }
        if (state != State.RUNNING) {
            throw new IllegalStateException(name + " is not running (" + state.name().toLowerCase() + ")");
        }
    }

    /**
     * Blocks until a task is ready for a worker; null when the worker should end, or at once when
     * {@code giveUp} says so (checked whenever the waiter wakes; see {@link #wakeWorkers()}).
     */
    Task take(BooleanSupplier giveUp) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (giveUp.getAsBoolean()) {
                    return null;
                }
                Task task = pollLocked();
                if (task != null) {
                    return task;
                }
                if (!workersNeededLocked()) {
                    return null;
                }
                taskReady.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every worker waiting in {@link #take} to check its {@code giveUp} condition. */
    void wakeWorkers() {
        lock.lock();
        try {
            taskReady.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A ready task, or null at once. */
    Task pollNow() {
        lock.lock();
        try {
            return pollLocked();
        } finally {
            lock.unlock();
        }
    }

    private Task pollLocked() {
        if (state == State.TERMINATED || state == State.BROKEN) {
            return null;
        }
        Task task;
        do {
            task = queue.pollFirst();
        } while (task != null && task.isSettled());
        return task;
    }

    /** How many tasks wait in the queue. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** True while workers are needed: running, or shut down with work still unsettled. */
    boolean workersNeeded() {
        lock.lock();
        try {
            return workersNeededLocked();
        } finally {
            lock.unlock();
        }
    }

    private boolean workersNeededLocked() {
        return state == State.RUNNING || (state == State.SHUTDOWN && unsettled > 0);
    }

    /** Puts tasks a worker took but did not start back at the front of the queue, in order. */
    void requeue(List<Task> tasks) {
        lock.lock();
        try {
            if (state == State.RUNNING || state == State.SHUTDOWN) {
                for (int i = tasks.size() - 1; i >= 0; i--) {
                    queue.addFirst(tasks.get(i));
                }
                taskReady.signalAll();
                return;
            }
        } finally {
            lock.unlock();
        }
        tasks.forEach(this::failStopped);
    }

    /** Fails a task because the pool was terminated or broke. */
    void failStopped(Task task) {
        finish(task, null, stoppedReason());
    }

    private Throwable stoppedReason() {
        lock.lock();
        try {
            return state == State.BROKEN ? broken : new CancellationException(name + " was terminated");
        } finally {
            lock.unlock();
        }
    }

    /** True once terminate() or a broken initializer stopped the pool. */
    boolean stopped() {
        lock.lock();
        try {
            return state == State.TERMINATED || state == State.BROKEN;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Finishes a task with a value or a failure, unless it was finished already. Its future
     * completes in the result thread, or here for backends that complete in the worker.
     */
    void finish(Task task, Object value, Throwable failure) {
        if (!task.settle()) {
            return;
        }
        records.finished(task, value, failure);
        countSettled();
        if (results == null || task.completeInPlace) {
            task.future.finish(value, failure);
        } else {
            results.deliver(() -> task.future.finish(value, failure));
        }
    }

    /**
     * A running task overran its timeout: it fails with a TimeoutException saying how its worker
     * was stopped ({@code stopped}), and is marked so that its worker is not left running it.
     */
    void timedOut(Task task, String stopped) {
        TimeoutException timeout = new TimeoutException("the task ran longer than its timeout of "
                + TimeUnit.NANOSECONDS.toMillis(task.timeoutNanos) + " ms; " + stopped);
        task.abortReason = timeout;
        finish(task, null, timeout);
    }

    /** A task was settled outside the engine (cancelled); {@code interrupt} stops it if it runs. */
    void settledElsewhere(Task task, boolean interrupt) {
        // A cancelled task stays in the queue until polled, where settled tasks are skipped:
        // removing it here would make cancelling a whole map quadratic.
        records.settledElsewhere(task.future.isCompletedExceptionally());
        countSettled();
        if (interrupt) {
            workers.abort(task);
        } else {
            workers.dropIfWaiting(task);
        }
    }

    /** One task fewer is unsettled; the last wakes those waiting for the end. */
    private void countSettled() {
        lock.lock();
        try {
            if (--unsettled == 0) {
                taskReady.signalAll();
                ended.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting tasks; those submitted still run (Python's {@code close}). */
    public void shutdown() {
        lock.lock();
        try {
            if (state == State.RUNNING) {
                state = State.SHUTDOWN;
            }
            taskReady.signalAll();
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops everything now: queued and running tasks fail with a CancellationException.
     *
     * @return the tasks that never started
     */
    public List<Task> terminate() {
        return stop(State.TERMINATED, null);
    }

    /** Cancels every task still queued (Python's {@code cancel_futures}). */
    public void cancelQueued() {
        List<Task> queued;
        lock.lock();
        try {
            queued = List.copyOf(queue);
        } finally {
            lock.unlock();
        }
        queued.forEach(t -> t.future.cancel(false));
    }

    /**
     * No worker can run the queued tasks now (none could start): they fail with {@code cause},
     * and the pool goes on taking tasks.
     */
    void failQueued(Throwable cause) {
        List<Task> failed;
        lock.lock();
        try {
            failed = List.copyOf(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        failed.forEach(task -> finish(task, null, cause));
    }

    /** The initializer failed: every task fails with {@code cause}, and no worker is restarted. */
    void broken(BrokenPoolException cause) {
        stop(State.BROKEN, cause);
    }

    private List<Task> stop(State newState, BrokenPoolException cause) {
        List<Task> dropped;
        lock.lock();
        try {
            if (state == State.TERMINATED || state == State.BROKEN) {
                return List.of();
            }
            state = newState;
            broken = cause;
            dropped = List.copyOf(queue);
            queue.clear();
            taskReady.signalAll();
            ended.signalAll();
        } finally {
            lock.unlock();
        }
        dropped.forEach(this::failStopped);
        workers.terminate();
        return dropped;
    }

    /** The state now. */
    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** Tasks submitted and not yet finished. */
    public long unsettled() {
        lock.lock();
        try {
            return unsettled;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits at most {@code timeout} (null: no limit) until the pool was shut down or terminated
     * and every worker and callback has finished. True if so.
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + (timeout == null ? Long.MAX_VALUE / 2 : timeout.toNanos());
        lock.lock();
        try {
            while (workersNeededLocked() || state == State.RUNNING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                ended.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
        if (!workers.awaitWorkersGone(Math.max(0, deadline - System.nanoTime()))) {
            return false;
        }
        stopWatchdog();
        return results == null || results.stop(Math.max(0, deadline - System.nanoTime()));
    }

    /**
     * True once the pool was shut down or terminated, every task has settled, every worker has
     * ended and every callback has run. Only looks: unlike {@link #awaitTermination} it stops
     * nothing.
     */
    public boolean isTerminated() {
        lock.lock();
        try {
            if (workersNeededLocked() || state == State.RUNNING) {
                return false;
            }
        } finally {
            lock.unlock();
        }
        return workers.workersGone() && (results == null || results.idle());
    }

    /** Makes sure the watchdog runs: a task has a timeout, or a task that may run must be stopped. */
    void watch() {
        lock.lock();
        try {
            startWatchdogLocked();
        } finally {
            lock.unlock();
        }
    }

    private void startWatchdogLocked() {
        if (watchdog == null) {
            watchdog = Thread.ofPlatform().daemon().name(name + "-watchdog").start(this::watchdogLoop);
        }
    }

    private void watchdogLoop() {
        while (!Thread.currentThread().isInterrupted() && workersNeeded()) {
            workers.checkTimeouts(System.nanoTime());
            LockSupport.parkNanos(WATCHDOG_PERIOD_NANOS);
        }
    }

    private void stopWatchdog() throws InterruptedException {
        Thread w;
        lock.lock();
        try {
            w = watchdog;
        } finally {
            lock.unlock();
        }
        if (w != null) {
            w.interrupt();
            w.join();
        }
    }

 /**
     * What this pool is doing and has done now: its counts, its workers, and (when it records
     * insights) its slowest tasks and latest failures.
     */
    public PoolInsights insights() {
        State now;
        long queuedNow;
        long unsettledNow;
        lock.lock();
        try {
            now = state;
            queuedNow = queue.stream().filter(task -> !task.isSettled()).count(); // cancelled ones wait to be skipped
            unsettledNow = unsettled;
        } finally {
            lock.unlock();
        }
        boolean recording = records.recording();
        return new PoolInsights(name, workers.kind(), now.name().toLowerCase(), recording, queuedNow,
                Math.max(0, unsettledNow - queuedNow), records.done(), records.failed(), workers.insights(),
                recording ? records.slowest() : List.of(), recording ? records.failures() : List.of(), Instant.now());
    }

    @Override
    public String toString() {
        return name + " [" + state().name().toLowerCase() + ", " + unsettled() + " unfinished]";
    }
}
