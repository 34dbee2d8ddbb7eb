package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One condition, waited on and signalled by the parent, its children and pool workers; a waiter that dies. */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ConditionAcrossProcessesTest {
    @AfterEach
    void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Says it is inside the wait (holding the lock, so the parent's next lock comes after the wait began), then waits. */
    static boolean waitsOnce(Condition condition, Event inside) throws InterruptedException {
        try (Held _ = condition.hold()) {
            inside.set();
            return condition.await(Deadlines.CHILD);
        }
    }

    static void waitsUntilKilled(Condition condition, Event inside) throws InterruptedException {
        try (Held _ = condition.hold()) {
            inside.set();
            condition.await();
            Thread.sleep(Long.MAX_VALUE); // until killed, holding the lock
        }
    }

    private static void awaitInside(Condition condition, Event inside) throws InterruptedException {
        assertThat(inside.await(Deadlines.CHILD)).isTrue();
        condition.lock().lock(); // granted once the waiter released it in its wait
        condition.lock().unlock();
    }

    @Test
    void aChildWaitsUntilTheParentSignals() throws Exception {
        Condition condition = Spindle.condition(); // the default context's: processes
        Event inside = Context.processes().event();
        try (Pool pool = Context.processes().pool(1)) {
            AsyncResult<Boolean> waiting = pool.applyAsync(ConditionAcrossProcessesTest::waitsOnce, condition, inside);
            awaitInside(condition, inside);
            assertThat(waiting.ready()).isFalse();
            try (Held _ = condition.hold()) {
                condition.signal();
            }
            assertThat(waiting.get(Deadlines.CHILD)).as("signalled, not timed out").isTrue();
        }
    }

    @Test
    void aWaiterKilledDoesNotSwallowASignal() throws Exception {
        Lock lock = Context.processes().lock();
        Condition condition = Context.processes().condition(lock);
        Event inside = Context.processes().event();
        ChildProcess doomed = new ChildProcess(ConditionAcrossProcessesTest::waitsUntilKilled, condition, inside);
        doomed.start();
        awaitInside(condition, inside); // the child is the longest waiting

        CompletableFuture<Boolean> survivor = new CompletableFuture<>();
        Event survivorInside = Context.processes().event();
        Thread.ofPlatform().start(() -> {
            try {
                survivor.complete(waitsOnce(condition, survivorInside));
            } catch (Throwable t) {
                survivor.completeExceptionally(t);
            }
        });
        awaitInside(condition, survivorInside);
        doomed.kill();
        doomed.join();
        try (Held _ = condition.hold()) {
            condition.signal(1);
        }
        assertThat(survivor.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).as("the one signal reached the live waiter")
                .isTrue();
    }

    @Test
    void aSignalToAWaiterThatDiedBeforeWakingIsHandedOn() throws Exception {
        RLock lock = Context.processes().rlock();
        Condition condition = lock.newCondition();
        Event inside = Context.processes().event();
        ChildProcess doomed = new ChildProcess(ConditionAcrossProcessesTest::waitsUntilKilled, condition, inside);
        doomed.start();
        awaitInside(condition, inside);
        CompletableFuture<Boolean> survivor = new CompletableFuture<>();
        Event survivorInside = Context.processes().event();
        Thread.ofVirtual().start(() -> {
            try {
                survivor.complete(waitsOnce(condition, survivorInside));
            } catch (Throwable t) {
                survivor.completeExceptionally(t);
            }
        });
        awaitInside(condition, survivorInside);
        lock.lock();
        condition.signal(1); // to the child, alive now
        doomed.kill(); // dies before it can take the lock back and leave
        doomed.join();
        lock.unlock();
        assertThat(survivor.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).as("handed on to the live waiter")
                .isTrue();
    }

    /** The child of CPython's {@code test_waitfor}: says it is ready, then waits until the parent has counted to 4. */
    static void waitsForFour(Condition condition, dev.spindle.multiprocessing.Value<Integer> state) throws InterruptedException {
        try (Held _ = condition.hold()) {
            state.set(0);
            condition.signal();
            boolean result = condition.waitFor(() -> state.get() == 4, Deadlines.CHILD);
            if (!result || state.get() != 4) {
                System.exit(1);
            }
        }
    }

    /**
     * CPython's {@code _TestCondition.test_waitfor}: {@code waitFor} with a predicate over a shared
     * value that another process changes, in both directions.
     */
    @Test
    void waitForSeesAPredicateAnotherProcessMakesTrue() throws Exception {
        Condition condition = Context.processes().condition();
        dev.spindle.multiprocessing.Value<Integer> state = Context.processes().value(dev.spindle.multiprocessing.TypeCode.INT, -1);
        ChildProcess child = new ChildProcess(ConditionAcrossProcessesTest::waitsForFour, condition, state);
        child.daemon(true);
        child.start();
        try (Held _ = condition.hold()) {
            assertThat(condition.waitFor(() -> state.get() == 0, Deadlines.CHILD)).isTrue();
            assertThat(state.get()).isZero();
        }
        for (int i = 0; i < 4; i++) {
            try (Held _ = condition.hold()) {
                state.set(state.get() + 1);
                condition.signal();
            }
        }
        child.join();
        assertThat(child.exitCode()).isZero();
    }
}
