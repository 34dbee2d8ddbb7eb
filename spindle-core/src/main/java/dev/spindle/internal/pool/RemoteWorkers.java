package dev.spindle.internal.pool;

import java.util.ArrayList;
import dev.spindle.insights.WorkerInsight;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Workers elsewhere, reached through a {@link TaskChannel}: one dispatcher thread hands the
 * engine's tasks over in batches, and outcomes come back on the channel's thread. Timeouts are
 * enforced where the task runs (it carries its own), so the worker that overran is the one killed.
 */
final class RemoteWorkers implements Workers {
    /** Most tasks handed over at once: one round trip each. */
    private static final int BATCH = 512;

    private final PoolConfig config;
    private final TaskChannel channel;
    private final FunctionTable functions = new FunctionTable();
    /** Tasks handed over and not yet finished, by seq. */
    private final Map<Long, Task> sent = new ConcurrentHashMap<>();
    private final LiveWorkers live = new LiveWorkers();
    private TaskEngine engine;

    RemoteWorkers(PoolConfig config, TaskChannel channel) {
        this.config = config;
        this.channel = channel;
    }

    @Override
    public void prepare(Task task) {
        TaskEncoding.encode(task, functions, config.readLimits());
    }

    @Override
    public void start(TaskEngine engine) {
        this.engine = engine;
        channel.open(this::returned);
        live.started();
        Thread.ofPlatform().daemon().name(engine.name() + "-dispatcher").start(this::dispatch);
    }

    /** Hands tasks over until the engine needs no workers: it is done, or stopped. */
    private void dispatch() {
        try {
            Task first;
            while ((first = engine.take(() -> false)) != null) {
                List<Task> batch = new ArrayList<>();
                batch.add(first);
                Task next;
                while (batch.size() < BATCH && (next = engine.pollNow()) != null) {
                    batch.add(next);
                }
                handOver(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            channel.close();
            live.ended();
        }
    }

    private void handOver(List<Task> batch) {
        RaceWindows.batchTakenNotRecorded.run();
        for (Task task : batch) {
            sent.put(task.seq, task);
        }
        if (engine.stopped()) {
            // The pool's terminate() came after the batch left the engine's queue and before it was
            // recorded here, so it missed the batch: it takes the batch now, before anything is sent.
            terminate();
            return;
        }
        List<OutgoingTask> outgoing = new ArrayList<>(batch.size());
        for (Task task : batch) {
            outgoing.add(new OutgoingTask(task.seq, task.encodedFunction.bytes(), task.encodedFunction.id(),
                    task.encodedArguments, task.shape, TimeUnit.NANOSECONDS.toMillis(task.timeoutNanos), task.retriesLeft));
        }
        try {
            channel.send(outgoing);
        } catch (RuntimeException unreachable) {
            for (Task task : batch) {
                if (sent.remove(task.seq) != null) {
                    engine.finish(task, null, unreachable);
                }
            }
        }
    }

    private void returned(long seq, EncodedOutcome outcome) {
        Task task = sent.remove(seq);
        if (task != null) {
            task.ranNanos = outcome.nanos();
            task.ranBy = outcome.worker();
            outcome.finish(engine, task, config.readLimits());
        }
    }

    @Override
    public void abort(Task task) {
        if (sent.remove(task.seq) != null) {
            channel.cancel(task.seq);
        }
    }

    @Override
    public void dropIfWaiting(Task task) {
        if (sent.remove(task.seq) != null) {
            channel.drop(task.seq);
        }
    }

    @Override
    public void checkTimeouts(long nowNanos) {
        // enforced where each task runs
    }

    @Override
    public void terminate() {
        for (Task task : List.copyOf(sent.values())) {
            if (sent.remove(task.seq) != null) {
                channel.cancel(task.seq);
                engine.failStopped(task);
            }
        }
    }

    @Override
    public String kind() {
        return "cluster";
    }

    @Override
    public List<WorkerInsight> insights() {
        return channel.workerInsights();
    }

    @Override
    public LiveWorkers live() {
        return live;
    }

    @Override
    public boolean completesInWorker() {
        return false;
    }
}
