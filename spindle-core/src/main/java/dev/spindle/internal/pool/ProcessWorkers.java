package dev.spindle.internal.pool;

import dev.spindle.BrokenPoolException;
import dev.spindle.SharedMemoryFullException;
import dev.spindle.insights.WorkerInsight;
import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.track.AtExit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker processes: a fixed number of slots, each with one live {@link ProcessWorker} at a time.
 * A worker that ends while the pool still needs workers is replaced in its slot.
 */
final class ProcessWorkers implements Workers {
    private static final AtomicInteger WORKER_NAMES = new AtomicInteger();

    private final PoolConfig config;
    private final FunctionTable functions = new FunctionTable();
    private final RunningSlots slots;
    private final ProcessWorker[] workers;
    private final LiveWorkers live = new LiveWorkers();
    private TaskEngine engine;

    ProcessWorkers(PoolConfig config) {
        if (config.initializer() != null) {
            Codec.get().encode(config.initializer()); // refuse a non-serializable initializer here, not in a worker
        }
        this.config = config;
        this.slots = RunningSlots.create(config.workers());
        this.workers = new ProcessWorker[config.workers()];
    }

    PoolConfig config() {
        return config;
    }

    /** How many worker slots the pool has. */
    int size() {
        return workers.length;
    }

    RunningSlots slots() {
        return slots;
    }

    @Override
    public void prepare(Task task) {
        if (task.relaysOutcome) { // a cluster host's task: the client encoded it
            task.encodedFunction = functions.entryForEncoded((byte[]) task.function);
        } else {
            TaskEncoding.encode(task, functions, config.readLimits());
        }
    }

    @Override
    public void start(TaskEngine engine) {
        this.engine = engine;
        synchronized (this) {
            for (int i = 0; i < workers.length; i++) {
                startIn(i);
            }
        }
    }

    /** Call holding this object's lock. */
    private void startIn(int slot) {
        try {
            workers[slot] = ProcessWorker.start(this, engine, slot, "SpawnPoolWorker-" + WORKER_NAMES.incrementAndGet());
            live.started();
        } catch (SharedMemoryFullException e) {
            workers[slot] = null;
            vacantForLackOfRoom(e);
        } catch (RuntimeException e) {
            workers[slot] = null;
            // Let the lock go first: breaking the engine calls back into terminate().
            Thread.ofPlatform().daemon().start(() -> engine.broken(new BrokenPoolException("cannot start a worker process: " + e, e)));
        }
    }

    /**
     * Call holding this object's lock. A worker could not start for want of shared memory: the
     * pool is not broken by it (the room may come back), the slot stays empty and is tried again
     * shortly. While no worker is alive, the queued tasks fail with that reason rather than wait.
     */
    private void vacantForLackOfRoom(SharedMemoryFullException e) {
        if (live.count() == 0) {
            Thread.ofPlatform().daemon().start(() -> engine.failQueued(e)); // completing futures runs callbacks: not under this lock
        }
        if (!retryScheduled) {
            retryScheduled = true;
            CompletableFuture.delayedExecutor(VACANT_RETRY_MILLIS, TimeUnit.MILLISECONDS).execute(this::fillVacant);
        }
    }

    private static final long VACANT_RETRY_MILLIS = 200;
    /** Guarded by this object's lock: a retry of the empty slots is on its way. */
    private boolean retryScheduled;

    private void fillVacant() {
        synchronized (this) {
            retryScheduled = false;
            if (!engine.workersNeeded() || engine.stopped() || AtExit.exiting()) {
                releaseSlotsIfDone();
                return;
            }
            for (int i = 0; i < workers.length; i++) {
                if (workers[i] == null) {
                    startIn(i);
                }
            }
        }
    }

    /** A worker has ended and its driver accounted for what it held: replace it if the pool still needs workers. */
    void workerEnded(ProcessWorker worker) {
        synchronized (this) {
            if (workers[worker.slot()] != worker) {
                return;
            }
            workers[worker.slot()] = null;
            if (engine.workersNeeded() && !engine.stopped() && !AtExit.exiting()) {
                startIn(worker.slot()); // counted before the old one is uncounted: the count never dips to 0 between
            }
            live.ended();
            releaseSlotsIfDone();
        }
    }

    /** Call holding this object's lock: once no worker lives and none is to start, the slots go. */
    private void releaseSlotsIfDone() {
        if (live.count() == 0 && !retryScheduled && !slotsReleased) {
            slotsReleased = true;
            slots.unlink();
            slots.close();
        }
    }

    /** Guarded by this object's lock. */
    private boolean slotsReleased;

    /**
     * A task settled while it may still be held by a worker: the watchdog kills its worker as soon
     * as the worker is found running it (now, or when it gets to it).
     */
    @Override
    public void abort(Task task) {
        engine.watch();
    }

    @Override
    public void checkTimeouts(long nowNanos) {
        for (ProcessWorker worker : current()) { // empty once the slots are released
            RunningSlots.Running running = worker.running();
            Task task = worker.runningTask(running);
            if (task == null) {
                continue;
            }
            if (task.abortReason != null) {
                if (worker.claimKill(task)) {
                    worker.kill(); // cancelled, or completed from outside: it must not run on
                }
            } else if (task.timeoutNanos > 0 && nowNanos - running.startNanos() > task.timeoutNanos) {
                RaceWindows.overdueBeforeClaim.run();
                if (worker.claimKill(task)) { // false if the task finished first: then nothing is killed
                    // Settled before the kill, so the driver that sees the death finds why.
                    engine.timedOut(task, "its worker (pid " + worker.pid() + ") was killed and replaced");
                    worker.kill();
                }
            }
        }
    }

    @Override
    public void terminate() {
        current().forEach(ProcessWorker::kill);
    }

    @Override
    public String kind() {
        return "processes";
    }

    @Override
    public List<WorkerInsight> insights() {
        return current().stream().map(ProcessWorker::insight).toList();
    }

    @Override
    public LiveWorkers live() {
        return live;
    }

    @Override
    public boolean completesInWorker() {
        return false;
    }

    private synchronized List<ProcessWorker> current() {
        List<ProcessWorker> list = new ArrayList<>();
        for (ProcessWorker w : workers) {
            if (w != null) {
                list.add(w);
            }
        }
        return list;
    }
}
