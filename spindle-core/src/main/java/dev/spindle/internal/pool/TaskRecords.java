package dev.spindle.internal.pool;

import dev.spindle.insights.PoolInsights;
import dev.spindle.insights.SlowTask;
import dev.spindle.insights.TaskFailure;
import dev.spindle.internal.codec.FunctionNames;
import dev.spindle.internal.insights.RecentFailures;
import dev.spindle.internal.insights.Shortened;
import dev.spindle.internal.insights.SlowestTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a pool remembers of its finished tasks: counts always (a striped add each), and, when it
 * records insights, the slowest tasks and the latest failures, each bounded.
 */
final class TaskRecords {
    private final LongAdder done = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final boolean recording;
    private final SlowestTasks slowest = new SlowestTasks(PoolInsights.SLOWEST);
    private final RecentFailures failures = new RecentFailures(PoolInsights.FAILURES);

    TaskRecords(boolean recording) {
        this.recording = recording;
    }

    boolean recording() {
        return recording;
    }

    /**
     * {@code task} finished with a value ({@code failure} null) or a failure. A relayed task's value
     * is its worker's outcome, undecoded, which may hold a failure: it counts as one.
     */
    void finished(Task task, Object value, Throwable failure) {
        EncodedOutcome relayed = task.relaysOutcome && value instanceof EncodedOutcome outcome
                && outcome.status() != EncodedOutcome.OK ? outcome : null;
        (failure == null && relayed == null ? done : failed).increment();
        if (!recording) {
            return;
        }
        if (relayed != null) {
            failure = portableFailure(relayed);
        }
        if (task.ranNanos > 0) {
            slowest.offer(task.ranNanos, () -> new SlowTask(Duration.ofNanos(task.ranNanos), function(task),
                    arguments(task), task.ranBy == null ? "" : task.ranBy));
        }
        if (failure != null && !(failure instanceof CancellationException)) {
            failures.add(new TaskFailure(Instant.now(), function(task), arguments(task), Shortened.traceback(failure),
                    task.ranBy == null ? "" : task.ranBy));
        }
    }

    private static Throwable portableFailure(EncodedOutcome outcome) {
        try {
            return outcome.portableFailure();
        } catch (RuntimeException unreadable) {
            return new IllegalStateException("a failure this process cannot read: " + unreadable, unreadable);
        }
    }

    /** A task was settled from outside its pool (cancelled, or completed through its future). */
    void settledElsewhere(boolean failedThere) {
        (failedThere ? failed : done).increment();
    }

    long done() {
        return done.sum();
    }

    long failed() {
        return failed.sum();
    }

    List<SlowTask> slowest() {
        return slowest.slowestFirst();
    }

    List<TaskFailure> failures() {
        return failures.latestFirst();
    }

    private static String function(Task task) {
        // A relayed task's function is its bytes: the host has not its classes.
        return task.relaysOutcome ? "(a cluster client's task)" : FunctionNames.of(task.function);
    }

    private static String arguments(Task task) {
        if (task.relaysOutcome) {
            return "(known to its client)";
        }
        String items = Shortened.arguments(task.arguments);
        return task.shape == Task.Shape.SINGLE ? items : "chunk of " + task.arguments.size() + ": " + items;
    }
}
