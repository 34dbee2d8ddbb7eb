package dev.spindle.internal.pool;

import dev.spindle.BrokenPoolException;
import dev.spindle.SerializationException;
import dev.spindle.WorkerDiedException;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.insights.WorkerInsight;
import dev.spindle.insights.WorkerState;
import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.launch.LaunchedProcess;
import dev.spindle.internal.launch.ProcessSpec;
import dev.spindle.internal.pipe.PipeEnd;
import dev.spindle.internal.transport.Transport;
import dev.spindle.internal.wire.CorruptFrameException;
import dev.spindle.internal.wire.Wire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The parent's side of one worker process: a driver thread that sends the worker tasks and reads
 * back results, and the record of which tasks the worker holds, in order.
 *
 * <p>Pipelining: the worker holds up to {@code window} tasks, and more are sent only when a result
 * comes back and tasks are queued, so a queued task goes to whichever worker frees up first; a
 * driver never takes more than its fair share of the queue, so a burst is split. The window starts
 * at one, so a task never waits inside a worker behind a task of unknown length while another
 * worker is free (CPython's pool workers likewise take from one shared queue). A fast result
 * (under {@link #FAST_TASK_NANOS}) opens it to {@link #PIPELINED_WINDOW}: one task waits inside the
 * worker while it runs another, so the worker does not sit idle while this driver thread, woken by
 * a result, waits for a CPU that the other workers keep busy. It doubles after a streak of
 * {@link #FAST_STREAK} fast tasks, so tiny tasks stream in batches; one slow task (over
 * {@link #SLOW_TASK_NANOS}) sets it back to one. The trade-off: the first slow task after a fast
 * streak can still hold the one task queued behind it.
 *
 * <p>When the worker ends, the driver accounts for what it held: the task the worker's running slot
 * names fails with {@link WorkerDiedException} (or its timeout, or is retried), every other task
 * goes back to the front of the pool's queue, and the pool starts a replacement.
 */
final class ProcessWorker {
    private static final long FAST_TASK_NANOS = 100_000;
    private static final long SLOW_TASK_NANOS = 1_000_000;
    private static final int FAST_STREAK = 32;
    private static final int MIN_WINDOW = 1;
    private static final int PIPELINED_WINDOW = 2;
    private static final int MAX_WINDOW = 256;
    /**
     * How long a worker's JVM may take to end once its driver is done with it before it is
     * killed: it flushes its output and halts at once (threads its tasks left running do not
     * hold it), so this is only the margin of a busy machine.
     */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final ProcessWorkers workers;
    private final TaskEngine engine;
    private final int slot;
    private final LaunchedProcess child;
    private final Transport connection;
    private final ConcurrentLinkedDeque<Task> held = new ConcurrentLinkedDeque<>();
    private final Lru<Integer, Boolean> knownFunctions = new Lru<>(Lru.FUNCTIONS_PER_WORKER);
    private final int maxTasks;
    private int window = MIN_WINDOW;
    /** Set when the worker said it is up and initialized. */
    private boolean ready;
    private final long launchNanos;
    /** From launch to ready; 0 until the worker is ready. */
    private volatile long startUpNanos;
    /** Fast tasks finished since the last slow one. */
    private int fastStreak;
    private int sent;
    private long lastProgressNanos;

    private ProcessWorker(ProcessWorkers workers, TaskEngine engine, int slot, LaunchedProcess child, Transport connection,
                          long launchNanos) {
        this.launchNanos = launchNanos;
        this.workers = workers;
        this.engine = engine;
        this.slot = slot;
        this.child = child;
        this.connection = connection;
        this.maxTasks = workers.config().maxTasksPerChild();
    }

    /** Starts a worker process for {@code slot} and its driver thread. */
    @SuppressWarnings("serial") // WorkerMain::run is Spindle's own worker entry, meant to be run by children
    static ProcessWorker start(ProcessWorkers workers, TaskEngine engine, int slot, String name) {
        PoolConfig config = workers.config();
        workers.slots().clearRelease(slot);
        // Batches have no limit of their own: each value in them is checked against the pool's.
        PipeEnd[] pipe = PipeEnd.create(true, PipeEnd.DEFAULT_CAPACITY, Integer.MAX_VALUE);
        WorkerSpec spec = new WorkerSpec(pipe[1], workers.slots().name(), slot, config.initializer(), config.maxTasksPerChild(),
                config.readLimits(), config.insights());
        long launchNanos = System.nanoTime();
        CheckedConsumer<WorkerSpec> main = WorkerMain::run;
        LaunchedProcess child;
        try {
            child = LaunchedProcess.start(new ProcessSpec(name, true, main, List.<Object>of(spec), config.workerJvmOptions(),
                    config.startMethod()), WorkerMain.class, null, config.addedClassPath());
        } finally {
            pipe[1].close();
        }
        ProcessWorker worker = new ProcessWorker(workers, engine, slot, child, pipe[0], launchNanos);
        // A worker that dies while its driver waits for a task is noticed, and replaced, at once.
        child.onExit().thenRun(engine::wakeWorkers);
        Thread.ofPlatform().daemon().name(engine.name() + "-" + name).start(worker::drive);
        return worker;
    }

    int slot() {
        return slot;
    }

    long pid() {
        return child.pid();
    }

    /** The task this worker runs now, if it is one of its held tasks. */
    Task runningTask(RunningSlots.Running running) {
        if (running.seq() == 0) {
            return null;
        }
        for (Task task : held) {
            if (task.seq == running.seq()) {
                return task;
            }
        }
        return null;
    }

    /** What this worker's slot says; nothing once the pool has released its slots. */
    RunningSlots.Running running() {
        try {
            return workers.slots().runningAcquire(slot);
        } catch (IllegalStateException released) {
            return RunningSlots.Running.NONE;
        }
    }

    /**
     * Claims the kill of this worker while it is inside {@code task} and has not finished it (see
     * {@link RunningSlots}); true if so, and the caller must then kill it. A worker that already
     * finished the task, or has not started it, is not to be killed.
     */
    boolean claimKill(Task task) {
        try {
            return workers.slots().tryAbortVolatile(slot, task.seq);
        } catch (IllegalStateException released) {
            return false;
        }
    }

    /** What this worker has done, as its slot's times say; the times are zero unless the pool records insights. */
    WorkerInsight insight() {
        long startUp = startUpNanos;
        WorkerState state = startUp == 0 ? WorkerState.STARTING
                : running().seq() != 0 ? WorkerState.WORKING : WorkerState.IDLE;
        WorkerTimes times;
        try {
            times = workers.slots().timesOpaque(slot);
        } catch (IllegalStateException released) {
            times = new WorkerTimes();
        }
        return times.insight(child.name(), child.pid(), state, startUp == 0 ? System.nanoTime() - launchNanos : startUp);
    }

    void kill() {
        if (child.isAlive()) {
            child.kill();
        }
    }

    private void drive() {
        try {
            while (true) {
                sendMore();
                if (held.isEmpty()) {
                    break; // the pool needs no more of this worker, or it has run its maxTasks
                }
                receive();
            }
        } catch (CorruptFrameException | RuntimeException | Error e) {
            // Out of step with the worker, or broken below: start afresh rather than guess, and say
            // why. The driver lives on to account for its tasks (a dead one left them pending for ever).
            System.getLogger(ProcessWorker.class.getName()).log(System.Logger.Level.ERROR, (e instanceof Error ? "error driving"
                    : "protocol error with") + " worker " + child.name() + " (pid " + child.pid() + "); killing it", e);
            child.kill();
        } catch (IOException workerGone) {
            // read below what it sent before it went
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!child.isAlive()) {
                readWhatItSent();
            }
        } catch (RuntimeException | Error e) {
            System.getLogger(ProcessWorker.class.getName()).log(System.Logger.Level.ERROR,
                    "cannot read what worker " + child.name() + " sent before it ended", e);
        } finally {
            connection.close();
            ended();
        }
    }

    /** Sends the worker as many tasks as its window allows; blocks for the first if it holds none. */
    private void sendMore() throws IOException, InterruptedException {
        int room = window - held.size();
        if (maxTasks > 0) {
            room = Math.min(room, maxTasks - sent);
        }
        if (room <= 0) {
            return;
        }
        PoolMessages.Writer batch = new PoolMessages.Writer();
        Task task = held.isEmpty() ? engine.take(() -> !child.isAlive()) : engine.pollNow();
        if (task != null) {
            // Take no more than a fair share of what is queued, so a burst is split between workers.
            int share = (engine.queued() + 1 + workers.size() - 1) / workers.size();
            room = Math.min(room, Math.max(1, share));
        }
        while (task != null) {
            boolean known = knownFunctions.get(task.encodedFunction.id()) != null;
            if (!known) {
                knownFunctions.put(task.encodedFunction.id(), Boolean.TRUE);
            }
            batch.task(task, !known);
            held.addLast(task);
            sent++;
            if (--room == 0) {
                break;
            }
            task = engine.pollNow();
        }
        if (batch.count() > 0) {
            if (held.size() == batch.count()) {
                lastProgressNanos = System.nanoTime();
            }
            connection.send(batch.tasks());
        }
    }

    /** The worker is gone: read the messages it sent before it went (results, or that it was ready). */
    private void readWhatItSent() {
        try {
            while (connection.poll(0)) {
                receive();
            }
        } catch (IOException | RuntimeException endOfWhatItSent) {
            // EOF, or the initializer's failure already reported
        }
    }

    private void receive() throws IOException {
        // The pool's own channel: a frame may batch many values; each is checked when decoded.
        Wire.Frame frame = Wire.parse(connection.receive(Integer.MAX_VALUE));
        ByteBuffer message = frame.payload();
        byte kind = frame.type();
        if (kind == PoolMessages.READY) {
            ready = true;
            startUpNanos = Math.max(1, System.nanoTime() - launchNanos);
            return;
        }
        if (kind == PoolMessages.INIT_FAILED) {
            Throwable error = ExceptionTransport.decode(PoolMessages.readError(message), child.name(), child.pid());
            engine.broken(new BrokenPoolException("the pool's initializer raised in worker " + child.name()
                    + " (pid " + child.pid() + "); no worker is restarted", error));
            throw new IOException("initializer failed");
        }
        if (kind != PoolMessages.RESULTS) {
            throw new CorruptFrameException("worker " + child.pid() + " sent a frame of unknown type " + kind);
        }
        List<PoolMessages.ResultMessage> results = PoolMessages.readResults(message);
        for (PoolMessages.ResultMessage result : results) {
            Task task = held.pollFirst();
            if (task == null || task.seq != result.seq()) {
                throw new IllegalStateException("worker " + child.pid() + " answered task " + result.seq()
                        + " but holds " + task);
            }
            deliver(task, result);
        }
        adaptWindow(results.size());
    }

    /** Finishes a task with the result the worker sent: decoded, or as it came for a relayed task. */
    private void deliver(Task task, PoolMessages.ResultMessage result) {
        task.ranNanos = result.nanos();
        task.ranBy = child.name();
        EncodedOutcome outcome = new EncodedOutcome(result.status(), result.body(), child.name(), child.pid(), result.nanos());
        if (task.relaysOutcome) {
            engine.finish(task, outcome, null);
        } else {
            outcome.finish(engine, task, workers.config().readLimits());
        }
    }

    private void adaptWindow(int finished) {
        long now = System.nanoTime();
        long perTask = (now - lastProgressNanos) / Math.max(1, finished);
        lastProgressNanos = now;
        if (perTask > SLOW_TASK_NANOS) {
            window = MIN_WINDOW;
            fastStreak = 0;
        } else if (perTask < FAST_TASK_NANOS) {
            fastStreak += finished;
            window = Math.max(window, PIPELINED_WINDOW);
            if (fastStreak >= FAST_STREAK) {
                window = Math.min(window * 2, MAX_WINDOW);
            }
        }
    }

    /** The worker has ended or must end: account for what it held and let the pool replace it. */
    private void ended() {
        int exitCode = awaitExit();
        RunningSlots.Running running = running();
        boolean stopped = engine.stopped();
        List<Task> back = new ArrayList<>();
        for (Task task : held) {
            if (task.isSettled()) {
                continue;
            }
            if (stopped) {
                engine.failStopped(task);
            } else if (task.seq != running.seq()) {
                back.add(task); // never started here: it runs elsewhere
            } else if (task.abortReason != null) {
                engine.finish(task, null, task.abortReason);
            } else if (task.retriesLeft > 0) {
                task.retriesLeft--;
                back.add(task);
            } else {
                engine.finish(task, null, new WorkerDiedException(child.pid(), exitCode));
            }
        }
        held.clear();
        engine.requeue(back);
        if (!ready && exitCode >= 0 && engine.workersNeeded() && !engine.stopped()) {
            // It exited by itself before it was up (bad JVM options, System.exit in the initializer):
            // a replacement would do the same, so stop rather than respawn for ever. A worker killed
            // by a signal while starting is replaced as usual.
            engine.broken(new BrokenPoolException("worker " + child.name() + " (pid " + child.pid()
                    + ") exited with code " + exitCode + " before it was ready; no worker is restarted", null));
        }
        workers.workerEnded(this);
    }

    private int awaitExit() {
        try {
            if (!child.join(EXIT_WAIT)) {
                child.kill();
                child.join();
            }
        } catch (InterruptedException e) {
            child.kill();
            Thread.currentThread().interrupt();
        }
        Integer code = child.exitCode();
        return code == null ? -9 : code;
    }
}
