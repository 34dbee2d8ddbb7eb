package dev.spindle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole {@link java.util.concurrent.locks.Lock} contract and Python's lock semantics, for the
 * Lock and RLock of every context (the thread ones and the shared-memory ones).
 */
@ExtendWith(NoLeaks.class)
class LockContractTest {
    /** A kind of lock under test. */
    record Kind(String name, Supplier<Lock> make, boolean reentrant, boolean crossProcess) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> locks() {
        return Stream.of(
                Arguments.of(new Kind("threads Lock", () -> Context.threads().lock(), false, false)),
                Arguments.of(new Kind("virtual threads Lock", () -> Context.virtualThreads().lock(), false, false)),
                Arguments.of(new Kind("processes Lock", () -> Context.processes().lock(), false, true)),
                Arguments.of(new Kind("threads RLock", () -> Context.threads().rlock(), true, false)),
                Arguments.of(new Kind("processes RLock", () -> Context.processes().rlock(), true, true)),
                Arguments.of(new Kind("cluster Lock", () -> ClusterFixture.context().lock(), false, true)),
                Arguments.of(new Kind("cluster RLock", () -> ClusterFixture.context().rlock(), true, true)));
    }

    @AfterAll
    static void dropSharedLocks() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Runs {@code action} in a new thread of {@code builder}; its outcome (null or what it threw). */
    private static CompletableFuture<Throwable> in(Thread.Builder builder, ThrowingRunnable action) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        builder.start(() -> {
            try {
                action.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        return outcome;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
    }

    /** Holds {@code lock} in another thread until the returned latch is counted down. */
    private static CountDownLatch heldElsewhere(Lock lock) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        in(Thread.ofPlatform(), () -> {
            lock.lock();
            try {
                holding.countDown();
                release.await();
            } finally {
                lock.unlock();
            }
        });
        assertThat(holding.await(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return release;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @ParameterizedTest
    @MethodSource("locks")
    void lockAndUnlockAsInPython(Kind kind) throws Exception {
        Lock lock = kind.make().get();
        assertThat(lock.isLocked()).isFalse();
        lock.acquire();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lock.ownerDied()).isFalse();
        lock.release();
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.acquire(false)).isTrue();
        lock.unlock();
        assertThat(lock.acquire(Duration.ofSeconds(1))).isTrue();
        lock.unlock();
        try (Held _ = lock.hold()) {
            assertThat(lock.isLocked()).isTrue();
        }
        assertThat(lock.isLocked()).as("closing the hold released it").isFalse();
        assertThat(lock.toString()).contains("[Unlocked");
    }

    @ParameterizedTest
    @MethodSource("locks")
    void releasingAnUnlockedLockIsAnError(Kind kind) {
        Lock lock = kind.make().get();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(lock::release).isInstanceOf(IllegalMonitorStateException.class);
        assertThat(lock.isLocked()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("locks")
    void aLockHeldElsewhereIsNotTakenByTryLockAndTimesOut(Kind kind) throws Exception {
        Lock lock = kind.make().get();
        CountDownLatch release = heldElsewhere(lock);
        assertThat(lock.tryLock()).isFalse();
        assertThat(lock.acquire(false)).isFalse();
        assertThat(lock.tryLock(0, TimeUnit.SECONDS)).isFalse();
        assertThat(lock.tryLock(-5, TimeUnit.SECONDS)).isFalse();
        assertThat(lock.tryLock(20, TimeUnit.MILLISECONDS)).as("times out").isFalse();
        assertThat(lock.acquire(Duration.ofMillis(20))).as("times out").isFalse();
        release.countDown();
        assertThat(lock.tryLock(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).as("free again").isTrue();
        lock.unlock();
    }

    @ParameterizedTest
    @MethodSource("locks")
    void aWaiterGetsTheLockWhenItIsReleased(Kind kind) throws Exception {
        Lock lock = kind.make().get();
        lock.lock();
        AtomicBoolean got = new AtomicBoolean();
        CompletableFuture<Throwable> waiter = in(Thread.ofVirtual(), () -> {
            lock.lock();
            got.set(true);
            lock.unlock();
        });
        assertThat(got).isFalse();
        lock.unlock();
        assertThat(get(waiter)).isNull();
        assertThat(got).isTrue();
    }

    @ParameterizedTest
    @MethodSource("locks")
    void anInterruptEndsAnInterruptibleWaitButNotLock(Kind kind) throws Exception {
        Lock lock = kind.make().get();
        lock.lock();
        CountDownLatch started = new CountDownLatch(1);
        Thread[] waiter = new Thread[1];
        CompletableFuture<Throwable> interruptible = new CompletableFuture<>();
        waiter[0] = Thread.ofPlatform().start(() -> {
            started.countDown();
            try {
                lock.lockInterruptibly();
                interruptible.complete(null);
            } catch (Throwable t) {
                interruptible.complete(t);
            }
        });
        started.await();
        waiter[0].interrupt(); // before or during its wait: either way the wait ends
        assertThat(get(interruptible)).isInstanceOf(InterruptedException.class);

        CompletableFuture<Boolean> uninterruptible = new CompletableFuture<>();
        Thread stubborn = Thread.ofPlatform().start(() -> {
            lock.lock();
            try {
                uninterruptible.complete(Thread.currentThread().isInterrupted());
            } finally {
                lock.unlock();
            }
        });
        stubborn.interrupt();
        assertThat(uninterruptible).isNotDone();
        lock.unlock();
        assertThat(get(uninterruptible)).as("lock() waited on, keeping the interrupt status").isTrue();

        Thread.currentThread().interrupt();
        assertThatThrownBy(lock::acquire).as("an interrupted caller does not wait").isInstanceOf(InterruptedException.class);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> lock.tryLock(1, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("locks")
    void aLockIsNotReentrantAndAnyThreadReleasesIt(Kind kind) throws Exception {
        Lock lock = kind.make().get();
        lock.lock();
        if (kind.reentrant()) {
            RLock rlock = (RLock) lock;
            assertThat(rlock.tryLock()).isTrue();
            assertThat(rlock.acquire(Duration.ZERO)).isTrue();
            assertThat(rlock.getHoldCount()).isEqualTo(3);
            assertThat(rlock.isHeldByCurrentThread()).isTrue();
            assertThat(get(in(Thread.ofPlatform(), lock::unlock))).as("only the owner releases an RLock")
                    .isInstanceOf(IllegalMonitorStateException.class);
            assertThat(get(in(Thread.ofPlatform(), () -> assertThat(rlock.getHoldCount()).isZero()))).isNull();
            rlock.unlock();
            rlock.unlock();
            assertThat(rlock.isLocked()).as("held until released as often as taken").isTrue();
            rlock.unlock();
            assertThat(rlock.isLocked()).isFalse();
            assertThat(rlock.isHeldByCurrentThread()).isFalse();
        } else {
            assertThat(lock.tryLock()).as("not reentrant").isFalse();
            assertThat(get(in(Thread.ofPlatform(), lock::unlock))).as("another thread releases a Lock").isNull();
            assertThat(lock.isLocked()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("locks")
    void threadsAndVirtualThreadsExcludeEachOther(Kind kind) throws Exception {
        Lock lock = kind.make().get();
        int[] counter = {0};
        int threads = 8;
        int rounds = kind.name().startsWith("cluster") ? 250 : 5_000; // a cluster lock takes a round trip to Redis per step
        List<CompletableFuture<Throwable>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread.Builder builder = t % 2 == 0 ? Thread.ofPlatform() : Thread.ofVirtual();
            workers.add(in(builder, () -> {
                for (int i = 0; i < rounds; i++) {
                    lock.lock();
                    try {
                        counter[0]++; // a plain field: only the lock's ordering makes this exact
                    } finally {
                        lock.unlock();
                    }
                }
            }));
        }
        for (CompletableFuture<Throwable> worker : workers) {
            assertThat(get(worker)).isNull();
        }
        lock.lock();
        assertThat(counter[0]).isEqualTo(threads * rounds);
        lock.unlock();
    }

    @ParameterizedTest
    @MethodSource("locks")
    void virtualThreadsWaitingForTheLockLeaveTheCarriersToOthers(Kind kind) throws Exception {
        Lock lock = kind.make().get();
        lock.lock();
        int waiting = Runtime.getRuntime().availableProcessors() * 4 + 8;
        List<CompletableFuture<Throwable>> waiters = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            waiters.add(in(Thread.ofVirtual(), () -> {
                lock.lock();
                lock.unlock();
            }));
        }
        assertThat(get(in(Thread.ofVirtual(), () -> { }))).as("another virtual thread still runs").isNull();
        lock.unlock();
        for (CompletableFuture<Throwable> waiter : waiters) {
            assertThat(get(waiter)).isNull();
        }
    }
}
