package dev.spindle.internal.pool;

import dev.spindle.BrokenPoolException;
import dev.spindle.insights.WorkerInsight;
import dev.spindle.insights.WorkerState;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workers that are threads of this JVM (Python's {@code multiprocessing.dummy} and
 * {@code ThreadPoolExecutor}): a fixed number of platform threads, or one virtual thread per task.
 *
 * <p>A thread cannot be killed. A task that times out or is cancelled while running is failed at
 * once and its thread interrupted and abandoned: the thread ends when the task returns, its result
 * is dropped, and (for a fixed pool) a new thread takes its place.
 */
final class ThreadWorkers implements Workers {
    private static final AtomicInteger POOLS = new AtomicInteger();

    /**
     * One run of a task by a thread. {@link #interruptIfRunning} and {@link #end} take its lock, so
     * an abort interrupts the thread only while it is still inside this run: once the run has
     * ended, the thread may be running a later task, which no abort of this one may touch.
     */
    private final class Running {
        final Thread thread = Thread.currentThread();
        final long startNanos = System.nanoTime();
        private boolean ended;

        synchronized boolean interruptIfRunning() {
            if (ended) {
                return false;
            }
            thread.interrupt();
            return true;
        }

        /**
         * Interrupts the run and gives up its thread (it ends once the task returns); false if the
         * run had ended first. Under the lock, so the thread sees itself abandoned when the run ends.
         */
        synchronized boolean abandon() {
            if (ended) {
                return false;
            }
            abandoned.put(thread, Boolean.TRUE);
            thread.interrupt();
            return true;
        }

        /** Called by the thread when the run is over; clears an abort's interrupt. */
        synchronized void end() {
            ended = true;
            Thread.interrupted();
        }
    }

    private final PoolConfig config;
    private final boolean virtual;
    private final boolean completeInWorker;
    private final String prefix;
    private final AtomicInteger threadNames = new AtomicInteger();
    private final Map<Task, Running> running = new ConcurrentHashMap<>();
    private final Map<Thread, Boolean> abandoned = new ConcurrentHashMap<>();
    /** Each live worker thread: its name, its times (kept when the pool records insights), how long it took to start. */
    private final Map<Thread, ThreadTimes> threads = new ConcurrentHashMap<>();

    private record ThreadTimes(String name, WorkerTimes times, long startUpNanos) {}
    private final LiveWorkers live = new LiveWorkers();
    private TaskEngine engine;
    /** A virtual pool's dispatching thread, which takes tasks but runs none. */
    private String dispatcherName = "";

    ThreadWorkers(PoolConfig config, boolean virtual, boolean completeInWorker) {
        this.config = config;
        this.virtual = virtual;
        this.completeInWorker = completeInWorker;
        this.prefix = (virtual ? "VirtualPoolWorker-" : "ThreadPoolWorker-") + POOLS.incrementAndGet() + "-";
    }

    @Override
    public void prepare(Task task) {
        // Threads share this JVM: nothing to encode.
    }

    @Override
    public void start(TaskEngine engine) {
        this.engine = engine;
        if (virtual) {
            dispatcherName = startThread(this::dispatchVirtual);
        } else {
            for (int i = 0; i < config.workers(); i++) {
                startThread(this::work);
            }
        }
    }

    /** Starts a worker thread; returns its name. */
    private String startThread(Runnable body) {
        live.started();
        String name = prefix + threadNames.incrementAndGet();
        long asked = System.nanoTime();
        Runnable counted = () -> {
            Thread self = Thread.currentThread();
            threads.put(self, new ThreadTimes(name, new WorkerTimes(), System.nanoTime() - asked));
            try {
                body.run();
            } finally {
                threads.remove(self);
                if (abandoned.remove(self) == null) {
                    live.ended();
                }
            }
        };
        if (virtual) {
            Thread.ofVirtual().name(name).start(counted);
        } else {
            Thread.ofPlatform().daemon().name(name).start(counted);
        }
        return name;
    }

    /** A fixed pool's thread: initializer, then tasks until the pool ends or the thread is abandoned. */
    private void work() {
        if (!initialized()) {
            return;
        }
        try {
            WorkerTimes times = config.insights() ? threads.get(Thread.currentThread()).times() : null;
            Task task;
            while ((task = take(times)) != null) {
                run(task);
                if (abandoned.containsKey(Thread.currentThread())) {
                    return; // a replacement has taken this thread's place
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next task, its wait counted in {@code times} (null: not recorded). */
    private Task take(WorkerTimes times) throws InterruptedException {
        long start = times == null ? 0 : System.nanoTime();
        Task task = engine.take(() -> false);
        if (times != null) {
            times.add(WorkerTimes.WAITING, System.nanoTime() - start);
        }
        return task;
    }

    /** Virtual threads: one per task, started as tasks come. */
    private void dispatchVirtual() {
        try {
            Task task;
            while ((task = engine.take(() -> false)) != null) {
                Task next = task;
                startThread(() -> {
                    if (initialized()) {
                        run(next);
                    } else {
                        engine.failStopped(next);
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean initialized() {
        if (config.initializer() == null) {
            return true;
        }
        long start = System.nanoTime();
        try {
            config.initializer().run();
            if (config.insights()) {
                threads.get(Thread.currentThread()).times().set(WorkerTimes.INIT, System.nanoTime() - start);
            }
            return true;
        } catch (Throwable t) {
            engine.broken(new BrokenPoolException("the pool's initializer raised in " + Thread.currentThread().getName(), t));
            return false;
        }
    }

    private void run(Task task) {
        RaceWindows.takenNotRunning.run();
        // Registered before the settled and stopped checks: a cancel or terminate that lands after
        // them finds the run and interrupts it, one that lands before is seen by them; none is lost.
        Running run = new Running();
        running.put(task, run);
        Object value = null;
        Throwable failure = null;
        try {
            if (task.isSettled()) {
                return; // cancelled after it was taken
            }
            if (engine.stopped()) {
                // Terminated after it was taken, before terminate() could see this run: it must not start.
                engine.failStopped(task);
                return;
            }
            value = Invocation.run(task.function, task.shape, task.arguments);
        } catch (Throwable t) {
            failure = t;
        } finally {
            running.remove(task, run);
            run.end();
        }
        if (config.insights()) {
            recordRun(task, run);
        }
        engine.finish(task, value, failure);
    }

    private void recordRun(Task task, Running run) {
        ThreadTimes thread = threads.get(run.thread);
        task.ranNanos = Math.max(1, System.nanoTime() - run.startNanos);
        task.ranBy = thread.name();
        thread.times().add(WorkerTimes.TASKS, 1);
        thread.times().add(WorkerTimes.WORKING, task.ranNanos);
    }

    @Override
    public String kind() {
        return virtual ? "virtual threads" : "threads";
    }

    @Override
    public List<WorkerInsight> insights() {
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long pid = ProcessHandle.current().pid();
        Set<Thread> working = new HashSet<>();
        running.values().forEach(r -> working.add(r.thread));
        return threads.entrySet().stream()
                .filter(e -> !(virtual && e.getValue().name().equals(dispatcherName)))
                .sorted(Comparator.comparing(e -> e.getValue().name()))
                .map(e -> e.getValue().times().insight(e.getValue().name(), pid,
                        working.contains(e.getKey()) ? WorkerState.WORKING : WorkerState.IDLE,
                        e.getValue().startUpNanos(), heap))
                .toList();
    }

    @Override
    public void abort(Task task) {
        Running r = running.remove(task);
        if (r != null) {
            RaceWindows.abortBeforeInterrupt.run();
        }
        if (r == null || !r.abandon()) {
            return; // not running, or it ended before the abort reached it
        }
        // The thread no longer counts as a worker: join() must not wait for a task that ignores interrupts.
        live.ended();
        if (!virtual && engine.workersNeeded()) {
            startThread(this::work);
        }
    }

    @Override
    public void checkTimeouts(long nowNanos) {
        running.forEach((task, r) -> {
            if (task.timeoutNanos > 0 && nowNanos - r.startNanos > task.timeoutNanos && task.abortReason == null) {
                engine.timedOut(task, "its thread was interrupted");
                abort(task);
            }
        });
    }

    @Override
    public void terminate() {
        running.forEach((task, r) -> {
            engine.failStopped(task);
            r.interruptIfRunning();
        });
    }

    @Override
    public LiveWorkers live() {
        return live;
    }

    @Override
    public boolean completesInWorker() {
        return completeInWorker;
    }
}
