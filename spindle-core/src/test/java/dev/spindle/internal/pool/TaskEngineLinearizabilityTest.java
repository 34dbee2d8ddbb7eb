package dev.spindle.internal.pool;

import dev.spindle.function.CheckedFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck (stress mode): the task engine shared by submitting threads, worker drivers and
 * callers that cancel or shut the pool down is a linearizable FIFO queue — each task is taken
 * once, in submission order; a task cancelled while queued is never taken; once shut down, nothing more is
 * accepted and what was queued is still taken — and once every thread is done its count of
 * unfinished tasks is exact. (The count is not an operation: it includes tasks taken and still
 * running, which a queue specification cannot express.) Workers are played by the test's threads,
 * over a backend with no workers. Requeueing is checked apart ({@link TaskEngineRequeueStressTest}):
 * a task a worker holds is out of the queue until it comes back, which no queue specification
 * allows.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:3")
@Tag("lincheck") // its agent instruments what loads after it: a JVM of its own (see the POM)
public class TaskEngineLinearizabilityTest {
    private static final CheckedFunction<Integer, Integer> IDENTITY = x -> x;
    private static final PoolConfig CONFIG = new PoolConfig(1, null, 0, null, 0, null, List.of(), dev.spindle.ReadLimits.defaults(), false);

    private final TaskEngine engine = new TaskEngine("Lincheck", new NoWorkers(), CONFIG);
    /** Each value's tasks in queue order, for cancelling them; a task is added as it is queued. */
    private final Map<Integer, List<Task>> byValue = new ConcurrentHashMap<>();
    /**
     * Held by the test's submit (queue, then record) and cancelAll, so that {@link #byValue} is in
     * queue order and a cancelAll sees every task queued before it. Takes and shutdowns stay
     * concurrent with both.
     */
    private final ReentrantLock bookkeeping = new ReentrantLock();

    /** Queues a task; false if the engine refused it (it was shut down). */
    @Operation
    public boolean submit(@Param(name = "value") int value) {
        List<Object> arguments = new ArrayList<>(1);
        arguments.add(value);
        bookkeeping.lock();
        try {
            Task task = engine.submit(IDENTITY, Task.Shape.SINGLE, arguments, null, 0);
            byValue.computeIfAbsent(value, v -> new CopyOnWriteArrayList<>()).add(task);
            return true;
        } catch (IllegalStateException shutDown) {
            return false;
        } finally {
            bookkeeping.unlock();
        }
    }

    /**
     * What a worker does: take the next task, if any, and finish it with its argument. What it
     * took is what it returns: a cancel that wins after the take (it may, as {@code cancel(false)}
     * of a running task does) leaves the future cancelled instead of holding the value.
     */
    @Operation
    public Integer takeAndFinish() {
        Task task = engine.pollNow();
        if (task == null) {
            return null;
        }
        Integer value = (Integer) task.arguments.get(0);
        engine.finish(task, value, null);
        try {
            if (!value.equals(task.future().join())) {
                throw new IllegalStateException("task " + task.seq + " holds " + task.future().join());
            }
        } catch (CancellationException cancelledWhileRunning) {
            // the cancel won the settle
        }
        return value;
    }

    /**
     * Cancels every task of {@code value} that is still queued ({@code cancel(false)}). One cancel
     * after another is not one step, so they go youngest first: a take in between then returns
     * the oldest, which is what it returns if it comes before the whole cancelAll (cancelling
     * oldest first, a take could skip the oldest yet return a younger one of the same value,
     * which no order of whole operations explains; Lincheck found it).
     */
    @Operation
    public void cancelAll(@Param(name = "value") int value) {
        bookkeeping.lock();
        try {
            List<Task> tasks = byValue.getOrDefault(value, List.of());
            for (int i = tasks.size() - 1; i >= 0; i--) {
                tasks.get(i).future().cancel(false);
            }
        } finally {
            bookkeeping.unlock();
        }
    }

    /** Python's {@code close()}: accepts nothing more; what is queued still runs. */
    @Operation
    public void shutdown() {
        engine.shutdown();
    }

    /**
     * After each run: every task taken was finished, so what is unfinished is exactly what is
     * still queued and not cancelled (a cancelled task stays in the queue until a poll skips it).
     */
    @Validate
    public void countIsExact() {
        long unsettled = engine.unsettled();
        long live = 0;
        Task task;
        while ((task = engine.pollNow()) != null) {
            engine.finish(task, task.arguments.get(0), null);
            live++;
        }
        if (unsettled != live || engine.unsettled() != 0) {
            throw new IllegalStateException(unsettled + " unfinished but " + live + " queued, "
                    + engine.unsettled() + " left after the drain");
        }
    }

    /** The sequential specification: a FIFO queue that can be closed and have items removed. */
    public static final class Queue {
        private final Deque<Integer> items = new ArrayDeque<>();
        private boolean closed;

        public boolean submit(int value) {
            if (closed) {
                return false;
            }
            items.addLast(value);
            return true;
        }

        public Integer takeAndFinish() {
            return items.pollFirst();
        }

        public void cancelAll(int value) {
            items.removeIf(item -> item == value);
        }

        public void shutdown() {
            closed = true;
        }
    }

    /** No workers: the test's threads take the tasks. Futures complete in the finishing thread. */
    static final class NoWorkers implements Workers {
        private static final LiveWorkers NONE_LIVE = new LiveWorkers();

        @Override
        public void prepare(Task task) {
            // nothing to encode
        }

        @Override
        public void start(TaskEngine engine) {
            // no workers to start
        }

        @Override
        public void abort(Task task) {
            // nothing runs
        }

        @Override
        public void checkTimeouts(long nowNanos) {
            // no timeouts are used
        }

        @Override
        public void terminate() {
            // nothing to stop
        }

        @Override
        public LiveWorkers live() {
            return NONE_LIVE; // never started, so never any
        }

        @Override
        public String kind() {
            return "none";
        }

        @Override
        public java.util.List<dev.spindle.insights.WorkerInsight> insights() {
            return java.util.List.of();
        }

        @Override
        public boolean completesInWorker() {
            return true;
        }
    }

    @Test
    void theEngineIsALinearizableQueueWithCancelAndShutdownAndAnExactCount() {
        StressOptions options = new StressOptions()
                .iterations(30)
                .invocationsPerIteration(300)
                .threads(3)
                .actorsPerThread(3)
                .sequentialSpecification(Queue.class);
        options.check(TaskEngineLinearizabilityTest.class);
    }
}
