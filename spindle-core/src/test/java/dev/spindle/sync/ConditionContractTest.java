package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole {@link java.util.concurrent.locks.Condition} contract and Python's Condition rules,
 * over the Lock and RLock of every context.
 */
@ExtendWith(NoLeaks.class)
class ConditionContractTest {
    /** A lock to make a condition over. */
    record Kind(String name, Supplier<Lock> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> locks() {
        return Stream.of(
                Arguments.of(new Kind("threads Lock", () -> Context.threads().lock())),
                Arguments.of(new Kind("threads RLock", () -> Context.threads().rlock())),
                Arguments.of(new Kind("virtual threads Lock", () -> Context.virtualThreads().lock())),
                Arguments.of(new Kind("processes Lock", () -> Context.processes().lock())),
                Arguments.of(new Kind("processes RLock", () -> Context.processes().rlock())),
                Arguments.of(new Kind("cluster Lock", () -> ClusterFixture.context().lock())),
                Arguments.of(new Kind("cluster RLock", () -> ClusterFixture.context().rlock())));
    }

    @AfterAll
    static void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * A thread that takes the lock, counts {@code inside} down and waits; its result is its
     * number once woken. When the caller next holds the lock, the waiter is inside its wait.
     */
    private static CompletableFuture<Integer> waiter(Condition condition, int number, CountDownLatch inside) {
        CompletableFuture<Integer> woken = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try (Held _ = condition.hold()) {
                inside.countDown();
                condition.await();
                woken.complete(number);
            } catch (Throwable t) {
                woken.completeExceptionally(t);
            }
        });
        return woken;
    }

    /** Starts waiters one at a time, each inside its wait before the next starts. */
    private static List<CompletableFuture<Integer>> waiters(Condition condition, int count) throws Exception {
        List<CompletableFuture<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CountDownLatch inside = new CountDownLatch(1);
            waiters.add(waiter(condition, i, inside));
            assertThat(inside.await(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isTrue();
            condition.lock().lock(); // granted only once the waiter has released it in its wait
            condition.lock().unlock();
        }
        return waiters;
    }

    @ParameterizedTest
    @MethodSource("locks")
    void waitingOrSignallingWithoutTheLockIsAnError(Kind kind) {
        Condition condition = kind.make().get().newCondition();
        assertThatThrownBy(condition::await).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(condition::signal).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(() -> condition.signal(2)).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(condition::signalAll).isInstanceOf(IllegalMonitorStateException.class);
    }

    @org.junit.jupiter.api.Test
    void aContextMakesConditionsOnlyOverItsKindOfLock() {
        assertThatThrownBy(() -> Context.processes().condition(Context.threads().lock()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same kind of context");
        assertThatThrownBy(() -> Context.threads().condition(Context.processes().rlock()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Context.virtualThreads().condition().lock()).isInstanceOf(RLock.class);
    }

    @ParameterizedTest
    @MethodSource("locks")
    void timedWaitsTimeOutHoldingTheLockAgain(Kind kind) throws Exception {
        Lock lock = kind.make().get();
        Condition condition = lock.newCondition();
        lock.lock();
        if (lock instanceof RLock rlock) {
            rlock.lock();
        }
        assertThat(condition.await(Duration.ofMillis(20))).isFalse();
        assertThat(condition.await(20, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(condition.awaitNanos(TimeUnit.MILLISECONDS.toNanos(20))).isLessThanOrEqualTo(0);
        assertThat(condition.awaitUntil(new Date(System.currentTimeMillis() - 1000))).isFalse();
        assertThat(condition.await(Duration.ofSeconds(-1))).isFalse();
        assertThat(condition.waitFor(() -> false, Duration.ofMillis(20))).isFalse();
        assertThat(condition.waitFor(() -> true, Duration.ZERO)).isTrue();
        condition.signal(); // no waiter: nothing happens
        assertThat(lock.isLocked()).isTrue();
        if (lock instanceof RLock rlock) {
            assertThat(rlock.getHoldCount()).as("as deep as before the waits").isEqualTo(2);
            rlock.unlock();
        }
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
        assertThat(condition.lock()).isSameAs(lock);
    }

    @ParameterizedTest
    @MethodSource("locks")
    void signalsWakeTheLongestWaitingFirst(Kind kind) throws Exception {
        Condition condition = kind.make().get().newCondition();
        List<CompletableFuture<Integer>> waiters = waiters(condition, 4);
        try (Held _ = condition.hold()) {
            condition.signal();
        }
        assertThat(get(waiters.get(0))).isZero();
        assertThat(waiters.subList(1, 4)).noneMatch(CompletableFuture::isDone);
        try (Held _ = condition.hold()) {
            condition.signal(2);
        }
        assertThat(get(waiters.get(1))).isEqualTo(1);
        assertThat(get(waiters.get(2))).isEqualTo(2);
        assertThat(waiters.get(3)).isNotDone();
        try (Held _ = condition.hold()) {
            condition.signalAll();
        }
        assertThat(get(waiters.get(3))).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("locks")
    void anInterruptEndsAWaitWithTheLockHeldAgainButNotAnUninterruptibleOne(Kind kind) throws Exception {
        Condition condition = kind.make().get().newCondition();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        CountDownLatch inside = new CountDownLatch(1);
        Thread waiting = Thread.ofPlatform().start(() -> {
            condition.lock().lock();
            try {
                inside.countDown();
                condition.await();
                outcome.complete("woken");
            } catch (InterruptedException e) {
                outcome.complete(condition.lock().isLocked() ? "interrupted, holding the lock" : "interrupted, lock lost");
            } finally {
                condition.lock().unlock();
            }
        });
        inside.await();
        condition.lock().lock();
        condition.lock().unlock();
        waiting.interrupt();
        assertThat(get(outcome)).isEqualTo("interrupted, holding the lock");

        CompletableFuture<Boolean> stubborn = new CompletableFuture<>();
        CountDownLatch stubbornInside = new CountDownLatch(1);
        Thread uninterruptible = Thread.ofPlatform().start(() -> {
            condition.lock().lock();
            try {
                stubbornInside.countDown();
                condition.awaitUninterruptibly();
                stubborn.complete(Thread.currentThread().isInterrupted());
            } finally {
                condition.lock().unlock();
            }
        });
        stubbornInside.await();
        condition.lock().lock();
        condition.lock().unlock();
        uninterruptible.interrupt();
        assertThat(stubborn).isNotDone();
        try (Held _ = condition.hold()) {
            condition.signal();
        }
        assertThat(get(stubborn)).as("woken by the signal, the interrupt kept").isTrue();
    }

    @ParameterizedTest
    @MethodSource("locks")
    void waitForSeesAPredicateMadeTrueByAnotherThread(Kind kind) throws Exception {
        Condition condition = kind.make().get().newCondition();
        AtomicInteger items = new AtomicInteger();
        CompletableFuture<Boolean> consumer = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (Held _ = condition.hold()) {
                consumer.complete(condition.waitFor(() -> items.get() >= 3, Deadlines.CHILD));
            } catch (Throwable t) {
                consumer.completeExceptionally(t);
            }
        });
        for (int i = 0; i < 3; i++) {
            try (Held _ = condition.hold()) {
                items.incrementAndGet();
                condition.signalAll();
            }
        }
        assertThat(get(consumer)).isTrue();
    }
}
