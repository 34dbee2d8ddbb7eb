package dev.spindle.internal.pool;

import dev.spindle.BrokenPoolException;
import java.util.Map;
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
    private final LiveWorkers live = new LiveWorkers();
    private TaskEngine engine;

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
            startThread(this::dispatchVirtual);
        } else {
            for (int i = 0; i < config.workers(); i++) {
                startThread(this::work);
            }
        }
    }

    private void startThread(Runnable body) {
        live.started();
        Runnable counted = () -> {
            try {
                body.run();
            } finally {
                if (abandoned.remove(Thread.currentThread()) == null) {
                    live.ended();
                }
            }
        };
        String name = prefix + threadNames.incrementAndGet();
        if (virtual) {
            Thread.ofVirtual().name(name).start(counted);
        } else {
            Thread.ofPlatform().daemon().name(name).start(counted);
        }
    }

    /** A fixed pool's thread: initializer, then tasks until the pool ends or the thread is abandoned. */
    private void work() {
        if (!initialized()) {
            return;
        }
        try {
            Task task;
            while ((task = engine.take(() -> false)) != null) {
                run(task);
                if (abandoned.containsKey(Thread.currentThread())) {
                    return; // a replacement has taken this thread's place
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        try {
            config.initializer().run();
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
        engine.finish(task, value, failure);
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
