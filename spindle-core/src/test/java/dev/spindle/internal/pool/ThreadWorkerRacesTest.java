package dev.spindle.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.futures.PoolExecutor;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thread backend's cancel windows, each held open by a {@link RaceWindows} point so that the
 * losing interleaving happens every run.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the tasks are serializable lambdas, which the thread backend never encodes
class ThreadWorkerRacesTest {
    @AfterEach
    void resetWindows() {
        RaceWindows.reset();
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits for {@code release} without giving way to interrupts; says whether one came. */
    static String awaitNoting(CountDownLatch release) {
        try {
            return release.await(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS) ? "not interrupted" : "never released";
        } catch (InterruptedException e) {
            return "interrupted";
        }
    }

    @Test
    void anAbortThatArrivesAfterTheRunEndedNeverInterruptsTheThreadsNextTask() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch firstRelease = new CountDownLatch(1);
        CountDownLatch secondRunning = new CountDownLatch(1);
        CountDownLatch secondRelease = new CountDownLatch(1);
        try (PoolExecutor executor = Context.threads().executor(1)) {
            CompletableFuture<String> first = executor.submit(() -> {
                firstRunning.countDown();
                return awaitNoting(firstRelease);
            });
            CompletableFuture<String> second = executor.submit(() -> {
                secondRunning.countDown();
                return awaitNoting(secondRelease);
            });
            Deadlines.await(firstRunning, "the first task runs");
            // The cancel has found the first run; before it interrupts, that run ends and the same
            // thread begins the second task.
            RaceWindows.abortBeforeInterrupt = () -> {
                firstRelease.countDown();
                Deadlines.await(secondRunning, "the thread runs the second task");
            };
            assertThat(first.cancel(true)).isTrue();
            secondRelease.countDown();
            assertThat(get(second)).isEqualTo("not interrupted");
            assertThat(first.isCancelled()).isTrue();
        }
    }

    @Test
    void aCancelBetweenTakenAndRunningIsNotLostAndTheTaskNeverRuns() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        AtomicBoolean ran = new AtomicBoolean();
        RaceWindows.takenNotRunning = () -> {
            if (held.compareAndSet(false, true)) { // only the first task is held in the window
                taken.countDown();
                Deadlines.await(cancelled, "the test has cancelled the task");
            }
        };
        try (PoolExecutor executor = Context.threads().executor(1)) {
            CompletableFuture<Integer> task = executor.submit(() -> {
                ran.set(true);
                return 1;
            });
            Deadlines.await(taken, "a worker has taken the task");
            assertThat(task.cancel(true)).isTrue();
            cancelled.countDown();
            CompletableFuture<Boolean> next = executor.submit(() -> Thread.currentThread().isInterrupted());
            assertThat(get(next)).as("the next task starts with no stray interrupt").isFalse();
            assertThat(ran).as("the cancelled task never ran").isFalse();
            assertThat(task.isCancelled()).isTrue();
        }
    }
}
