package dev.spindle.internal.pool;

import dev.spindle.function.CheckedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck (stress mode) for what a queue specification cannot state: workers that take a task
 * and hand it back ({@code requeue}, as a driver does when its worker died before starting it),
 * racing submitters, workers, cancels and a shutdown. After each run, with what is left drained:
 * every accepted task was taken by a worker exactly once, unless cancelled; every future is done,
 * with its own value or cancelled; the count of unfinished tasks is 0. (Checked to fail when
 * requeue drops a task, and when it puts one back twice.)
 */
@Param(name = "value", gen = IntGen.class, conf = "1:3")
@Tag("lincheck") // its agent instruments what loads after it: a JVM of its own (see the POM)
public class TaskEngineRequeueStressTest {
    private static final CheckedFunction<Integer, Integer> IDENTITY = x -> x;
    private static final PoolConfig CONFIG = new PoolConfig(1, null, 0, null, 0, null, List.of(), dev.spindle.ReadLimits.defaults(), false);

    private final TaskEngine engine = new TaskEngine("Lincheck", new TaskEngineLinearizabilityTest.NoWorkers(), CONFIG);
    private final List<Task> accepted = new CopyOnWriteArrayList<>();
    /** How many times a worker took each task to run it. */
    private final Map<Task, AtomicInteger> runs = new ConcurrentHashMap<>();

    @Operation
    public void submit(@Param(name = "value") int value) {
        List<Object> arguments = new ArrayList<>(1);
        arguments.add(value);
        try {
            accepted.add(engine.submit(IDENTITY, Task.Shape.SINGLE, arguments, null, 0));
        } catch (IllegalStateException shutDown) {
            // refused: not accepted
        }
    }

    @Operation
    public void takeAndFinish() {
        Task task = engine.pollNow();
        if (task != null) {
            run(task);
        }
    }

    /** A worker that took the next task and died before starting it: its driver puts it back. */
    @Operation
    public void takeAndRequeue() {
        Task task = engine.pollNow();
        if (task != null) {
            engine.requeue(List.of(task));
        }
    }

    @Operation
    public void cancelAll(@Param(name = "value") int value) {
        for (Task task : accepted) {
            if (task.arguments.get(0).equals(value)) {
                task.future().cancel(false);
            }
        }
    }

    @Operation
    public void shutdown() {
        engine.shutdown();
    }

    private void run(Task task) {
        runs.computeIfAbsent(task, t -> new AtomicInteger()).incrementAndGet();
        engine.finish(task, task.arguments.get(0), null);
    }

    @Validate
    public void everyTaskRanOnceUnlessCancelled() {
        Task task;
        while ((task = engine.pollNow()) != null) {
            run(task);
        }
        for (Task t : accepted) {
            int ran = runs.getOrDefault(t, new AtomicInteger()).get();
            boolean cancelled = t.future().isCancelled();
            if (ran > 1 || (!cancelled && ran != 1)) {
                throw new IllegalStateException("task " + t.seq + " ran " + ran + " times, cancelled: " + cancelled);
            }
            if (!t.future().isDone() || (!cancelled && !t.future().join().equals(t.arguments.get(0)))) {
                throw new IllegalStateException("task " + t.seq + " has future " + t.future());
            }
        }
        if (engine.unsettled() != 0) {
            throw new IllegalStateException(engine.unsettled() + " unfinished after the drain");
        }
    }

    @Test
    void requeuedTasksRunExactlyOnceAmongRacingWorkersCancelsAndShutdown() {
        StressOptions options = new StressOptions()
                .iterations(30)
                .invocationsPerIteration(300)
                .threads(3)
                .actorsPerThread(3);
        options.check(TaskEngineRequeueStressTest.class);
    }
}
