package dev.spindle.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.queue.Empty;
import dev.spindle.queue.Full;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Event;
import dev.spindle.sync.Held;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;
import dev.spindle.testing.Deadlines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faults of Python's {@code threading} and {@code queue} primitives, for the thread contexts:
 * every timed wait returns, an interrupt ends every wait, misuse is a clear exception, a broken
 * barrier breaks every waiter, {@code signal(n)} wakes exactly n.
 */
class ThreadPrimitiveFaultsTest {
    private static final Duration SHORT = Duration.ofMillis(20);

    static Stream<Context> contexts() {
        return Stream.of(Context.threads(), Context.virtualThreads());
    }

    interface Blocking {
        Object call() throws Exception;
    }

    /** A call running in a thread of {@code ctx}'s kind, and its outcome. */
    record Running(Thread thread, CompletableFuture<Object> outcome) {
        /** Waits until the thread is parked in its wait (past any spin). */
        Running parked() throws InterruptedException {
            Deadlines.await(thread + " waits", Deadlines.PROMPT,
                    () -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
            return this;
        }

        Throwable failure() throws Exception {
            try {
                Object value = outcome.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS);
                throw new AssertionError("expected a failure, got " + value);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }

        Object value() throws Exception {
            return outcome.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Running start(Context ctx, Blocking call) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread.Builder builder = ctx.kind() == Context.Kind.VIRTUAL_THREADS ? Thread.ofVirtual() : Thread.ofPlatform();
        Thread thread = builder.start(() -> {
            try {
                outcome.complete(call.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
        return new Running(thread, outcome);
    }

    /** Holds {@code lock} in another thread; counting down the latch lets it go. */
    private static CountDownLatch heldElsewhere(Context ctx, Lock lock) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        start(ctx, () -> {
            try (Held _ = lock.hold()) {
                holding.countDown();
                release.await();
            }
            return null;
        });
        assertThat(holding.await(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        return release;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void everyTimedWaitReturnsWhenItsTimeIsUp(Context ctx) throws Exception {
        Lock lock = ctx.lock();
        RLock rlock = ctx.rlock();
        CountDownLatch lockHeld = heldElsewhere(ctx, lock);
        CountDownLatch rlockHeld = heldElsewhere(ctx, rlock);
        try {
            assertThat(lock.acquire(SHORT)).isFalse();
            assertThat(rlock.acquire(SHORT)).isFalse();
            assertThat(lock.tryLock(20, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            lockHeld.countDown();
            rlockHeld.countDown();
        }
        assertThat(ctx.semaphore(0).acquire(SHORT)).isFalse();
        assertThat(ctx.event().await(SHORT)).isFalse();
        Condition condition = ctx.condition();
        try (Held _ = condition.hold()) {
            assertThat(condition.await(SHORT)).isFalse();
            assertThat(condition.awaitNanos(SHORT.toNanos())).isNotPositive();
            assertThat(condition.waitFor(() -> false, SHORT)).isFalse();
        }
        assertThatThrownBy(() -> ctx.barrier(2).await(SHORT)).isInstanceOf(BrokenBarrierException.class);
        assertThatThrownBy(() -> ctx.queue().get(SHORT)).isInstanceOf(Empty.class);
        Queue<Integer> full = ctx.priorityQueue(1);
        full.put(1);
        assertThatThrownBy(() -> full.put(2, SHORT)).isInstanceOf(Full.class);
        JoinableQueue<Integer> unfinished = ctx.lifoQueue(0);
        unfinished.put(1);
        assertThat(unfinished.join(SHORT)).isFalse();
        Timer timer = new Timer(Duration.ofHours(1), () -> { });
        timer.start();
        assertThat(timer.join(SHORT)).isFalse();
        timer.cancel();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void anInterruptEndsEveryWaitWithInterruptedException(Context ctx) throws Exception {
        Lock lock = ctx.lock();
        RLock rlock = ctx.rlock();
        CountDownLatch lockHeld = heldElsewhere(ctx, lock);
        CountDownLatch rlockHeld = heldElsewhere(ctx, rlock);
        Condition condition = ctx.condition(ctx.lock());
        Queue<Integer> full = ctx.queue(1);
        full.put(0);
        JoinableQueue<Integer> unfinished = ctx.joinableQueue();
        unfinished.put(0);
        List<Blocking> waits = List.of(
                () -> {
                    lock.acquire();
                    return "acquired";
                },
                () -> rlock.acquire(Duration.ofHours(1)),
                () -> {
                    ctx.semaphore(0).acquire();
                    return "acquired";
                },
                () -> {
                    ctx.event().await();
                    return "set";
                },
                () -> {
                    try (Held _ = condition.hold()) {
                        condition.await();
                    }
                    return "signalled";
                },
                () -> ctx.barrier(2).await(),
                () -> ctx.queue().take(),
                () -> ctx.lifoQueue(0).take(),
                () -> ctx.priorityQueue(0).get(Duration.ofHours(1)),
                () -> {
                    full.put(1);
                    return "put";
                },
                () -> {
                    unfinished.join();
                    return "joined";
                });
        List<Running> running = new ArrayList<>();
        for (Blocking wait : waits) {
            running.add(start(ctx, wait).parked());
        }
        for (Running waiter : running) {
            waiter.thread().interrupt();
        }
        try {
            for (int i = 0; i < running.size(); i++) {
                assertThat(running.get(i).failure()).as("wait %d", i).isInstanceOf(InterruptedException.class);
            }
        } finally {
            lockHeld.countDown();
            rlockHeld.countDown();
        }
        assertThat(condition.lock().isLocked()).as("the condition's lock was taken back, then let go").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void misuseIsAClearException(Context ctx) throws Exception {
        assertThatThrownBy(() -> ctx.lock().release()).isInstanceOf(IllegalMonitorStateException.class)
                .hasMessageContaining("unlocked");
        RLock rlock = ctx.rlock();
        rlock.acquire();
        assertThat(start(ctx, () -> {
            rlock.release();
            return "released";
        }).failure()).as("an RLock released by another thread").isInstanceOf(IllegalMonitorStateException.class);
        rlock.release();
        assertThatThrownBy(rlock::release).isInstanceOf(IllegalMonitorStateException.class);
        Semaphore bounded = ctx.boundedSemaphore(1);
        bounded.acquire();
        bounded.release();
        assertThatThrownBy(bounded::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("too many");
        JoinableQueue<String> queue = ctx.joinableQueue();
        queue.put("job");
        queue.get();
        queue.taskDone();
        assertThatThrownBy(queue::taskDone).isInstanceOf(IllegalStateException.class).hasMessageContaining("more times");
        assertThatThrownBy(() -> ctx.priorityQueue(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void anAbortedBarrierBreaksEveryWaiter(Context ctx) throws Exception {
        Barrier barrier = ctx.barrier(3);
        Running first = start(ctx, barrier::await);
        Running second = start(ctx, barrier::await);
        Deadlines.await("two parties wait", Deadlines.PROMPT, () -> barrier.nWaiting() == 2);
        barrier.abort();
        assertThat(first.failure()).isInstanceOf(BrokenBarrierException.class);
        assertThat(second.failure()).isInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aBarrierWaitThatTimesOutBreaksEveryWaiter(Context ctx) throws Exception {
        Barrier barrier = ctx.barrier(3);
        Running patient = start(ctx, barrier::await);
        Deadlines.await("one party waits", Deadlines.PROMPT, () -> barrier.nWaiting() == 1);
        Running hasty = start(ctx, () -> barrier.await(SHORT));
        assertThat(hasty.failure()).isInstanceOf(BrokenBarrierException.class);
        assertThat(patient.failure()).isInstanceOf(BrokenBarrierException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void signalNWakesExactlyNWaiters(Context ctx) throws Exception {
        Condition condition = ctx.condition(ctx.lock());
        AtomicInteger woken = new AtomicInteger();
        List<Running> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiters.add(start(ctx, () -> {
                try (Held _ = condition.hold()) {
                    condition.await();
                }
                return woken.incrementAndGet();
            }).parked());
        }
        try (Held _ = condition.hold()) {
            condition.signal(3);
        }
        // done, not just counted: a waiter's outcome completes a moment after it counts itself
        Deadlines.await("three waiters return", Deadlines.PROMPT, () -> waiters.stream().filter(w -> w.outcome().isDone()).count() >= 3);
        assertThat(waiters.stream().filter(w -> w.outcome().isDone()).count()).isEqualTo(3);
        assertThat(woken).hasValue(3);
        try (Held _ = condition.hold()) {
            condition.signalAll();
        }
        for (Running waiter : waiters) {
            waiter.value();
        }
        assertThat(woken).hasValue(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aLockIsNotReentrantAndAnotherThreadMayReleaseIt(Context ctx) throws Exception {
        Lock lock = ctx.lock();
        lock.acquire();
        assertThat(lock.acquire(SHORT)).as("a second acquire by its holder waits (deadlock case 1)").isFalse();
        Running again = start(ctx, () -> {
            lock.acquire();
            return "second hold";
        }).parked();
        start(ctx, () -> {
            lock.release();
            return null;
        }).value();
        assertThat(again.value()).isEqualTo("second hold");
        assertThat(lock.isLocked()).isTrue();
        lock.release();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aParkedWaiterSignalledWhileTheLockIsHeldWakesWhenItIsReleased(Context ctx) throws Exception {
        Lock lock = ctx.lock();
        Condition condition = lock.newCondition();
        Running waiter = start(ctx, () -> {
            try (Held _ = lock.hold()) {
                condition.await();
            }
            return "woken";
        }).parked();
        lock.acquire();
        start(ctx, () -> {
            condition.signal(); // Python allows it from any thread while the Lock is held
            return null;
        }).value();
        lock.release(); // the signal deferred the waiter's wake-up to this release
        assertThat(waiter.value()).isEqualTo("woken");
    }

    @Test
    void aTimedConditionWaitReturnsOnlyWithTheLockHeldAgain() throws Exception {
        Context ctx = Context.threads();
        Lock lock = ctx.lock();
        Condition condition = lock.newCondition();
        CountDownLatch timedOut = new CountDownLatch(1);
        Running waiter = start(ctx, () -> {
            try (Held _ = lock.hold()) {
                boolean signalled = condition.await(SHORT);
                timedOut.countDown();
                return signalled;
            }
        }).parked();
        lock.acquire(); // taken while the waiter waits: its timeout passes, then it waits for the lock
        Deadlines.await("the waiter wants the lock back", Deadlines.PROMPT, () -> waiter.thread().getState() == Thread.State.WAITING
                && timedOut.getCount() == 1);
        lock.release();
        assertThat(waiter.value()).isEqualTo(false);
    }
}
