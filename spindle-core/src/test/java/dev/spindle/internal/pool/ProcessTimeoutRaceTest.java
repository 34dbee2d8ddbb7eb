package dev.spindle.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.TaskOptions;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.Gate;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process worker's timeout that loses the race to the task's result: the watchdog is held
 * (a {@link RaceWindows} point) after it found the task overdue until the result has arrived, so
 * the loss happens every run. The task keeps its value and the worker lives on.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the tasks are serializable method references
class ProcessTimeoutRaceTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetWindows() {
        RaceWindows.reset();
    }

    /** Waits at the gate, then returns the pid of the worker it ran in. */
    static long waitsAtGateThenGivesPid(Path gate) throws InterruptedException {
        Gate.pass(gate);
        return ProcessHandle.current().pid();
    }

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    @Test
    void aTimeoutThatLosesTheRaceToTheResultKillsNothing() throws Exception {
        Path gate = dir.resolve("gate");
        AtomicBoolean held = new AtomicBoolean();
        AtomicBoolean left = new AtomicBoolean();
        AtomicReference<AsyncResult<Long>> task = new AtomicReference<>();
        RaceWindows.overdueBeforeClaim = () -> {
            if (!held.compareAndSet(false, true)) {
                return;
            }
            try {
                Gate.awaitArrival(gate);
                Gate.open(gate);
                Deadlines.await("the overdue task's result arrives", Deadlines.CHILD,
                        () -> task.get() != null && task.get().ready());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            left.set(true);
        };
        try (Pool pool = Context.processes().pool(1)) {
            long worker = pool.apply(ProcessTimeoutRaceTest::pid, 0);
            task.set(pool.applyAsync(ProcessTimeoutRaceTest::waitsAtGateThenGivesPid, gate,
                    TaskOptions.DEFAULT.timeout(Duration.ofMillis(50))));
            assertThat(task.get().get(Deadlines.CHILD)).as("the task keeps its value").isEqualTo(worker);
            Deadlines.await("the watchdog has been through the window", Deadlines.CHILD, left::get);
            assertThat(pool.apply(ProcessTimeoutRaceTest::pid, 0)).as("the same worker runs the next task").isEqualTo(worker);
        }
    }
}
