package dev.spindle.internal.pool;

import dev.spindle.function.CheckedFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck (stress mode): the task engine shared by submitting threads and worker drivers is a
 * linearizable FIFO queue — each task is taken once, in submission order — and once every thread
 * is done its count of unfinished tasks is exact. (The count is not an operation: it includes
 * tasks taken and still running, which a queue specification cannot express.) Workers are played
 * by the test's threads, over a backend with no workers.
 */
public class TaskEngineLinearizabilityTest {
    private static final CheckedFunction<Integer, Integer> IDENTITY = x -> x;
    private static final PoolConfig CONFIG = new PoolConfig(1, null, 0, null, 0, null, List.of(), dev.spindle.ReadLimits.defaults());

    private final TaskEngine engine = new TaskEngine("Lincheck", new NoWorkers(), CONFIG);

    @Operation
    public void submit(int value) {
        List<Object> arguments = new ArrayList<>(1);
        arguments.add(value);
        engine.submit(IDENTITY, Task.Shape.SINGLE, arguments, null, 0);
    }

    /** What a worker does: take the next task, if any, and finish it with its argument. */
    @Operation
    public Integer takeAndFinish() {
        Task task = engine.pollNow();
        if (task == null) {
            return null;
        }
        engine.finish(task, task.arguments.get(0), null);
        return (Integer) task.future().join();
    }

    /** After each run: every task taken was finished, so what is unfinished is what is queued. */
    @Validate
    public void countIsExact() {
        if (engine.unsettled() != engine.queued()) {
            throw new IllegalStateException(engine.unsettled() + " unfinished but " + engine.queued() + " queued");
        }
    }

    /** The sequential specification: a FIFO queue. */
    public static final class Queue {
        private final Deque<Integer> items = new ArrayDeque<>();

        public void submit(int value) {
            items.addLast(value);
        }

        public Integer takeAndFinish() {
            return items.pollFirst();
        }
    }

    /** No workers: the test's threads take the tasks. Futures complete in the finishing thread. */
    private static final class NoWorkers implements Workers {
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
        public boolean completesInWorker() {
            return true;
        }
    }

    @Test
    void theEngineIsALinearizableQueueWithAnExactCount() {
        StressOptions options = new StressOptions()
                .iterations(30)
                .invocationsPerIteration(300)
                .threads(3)
                .actorsPerThread(3)
                .sequentialSpecification(Queue.class);
        LinChecker.check(TaskEngineLinearizabilityTest.class, options);
    }
}
