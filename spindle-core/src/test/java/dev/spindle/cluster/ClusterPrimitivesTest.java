package dev.spindle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.sync.Event;
import dev.spindle.sync.Held;
import dev.spindle.sync.Lock;
import dev.spindle.sync.Semaphore;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.Deadlines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's own primitives beyond the contract tests they share with every context (locks,
 * conditions and semaphores are in those): values, what travels to tasks on the hosts, and a
 * lock whose holder's host stops past its lease.
 */
class ClusterPrimitivesTest {
    @TempDir
    Path dir;

    @Test
    void valuesKeepTheirTypeWrapAndUpdateAtomically() {
        Context ctx = ClusterFixture.context();
        assertThat(ctx.value(TypeCode.UBYTE, 256).get()).as("wraps").isZero();
        assertThat(ctx.value(TypeCode.WCHAR, '武').get()).isEqualTo('武');
        assertThat(Long.toUnsignedString(ctx.value(TypeCode.ULONGLONG, -1L).get())).isEqualTo("18446744073709551615");
        Value<Integer> counter = ctx.value(TypeCode.INT, Integer.MAX_VALUE);
        assertThat(counter.incrementAndGet()).as("wraps as a C int").isEqualTo(Integer.MIN_VALUE);
        assertThat(counter.compareAndSet(0, 1)).isFalse();
        assertThat(counter.getAndSet(7)).isEqualTo(Integer.MIN_VALUE);
        assertThat(counter.addAndGet(35)).isEqualTo(42);
        Value<Double> sum = ctx.value(TypeCode.DOUBLE, 0.5);
        assertThat(sum.compareAndSet(0.5, -0.0)).isTrue();
        assertThat(sum.compareAndSet(0.0, 1.0)).as("compared as stored").isFalse();
        assertThatThrownBy(() -> ctx.value(TypeCode.BOOLEAN, true).incrementAndGet()).isInstanceOf(UnsupportedOperationException.class);
        Value<Integer> raw = ctx.rawValue(TypeCode.INT, 5);
        assertThat(raw.hasLock()).isFalse();
        assertThat(raw.incrementAndGet()).isEqualTo(6);
        Value<Integer> guarded = ctx.value(TypeCode.INT, 0);
        try (Held _ = guarded.getLock().hold(); Held _ = guarded.getLock().hold()) {
            guarded.set(guarded.get() + 1);
        }
        assertThat(guarded.get()).isEqualTo(1);
        assertThat(ctx.event().toString()).contains("unset");
    }

    static int addsUnderTheLock(Value<Integer> value, int adds) {
        for (int i = 0; i < adds; i++) {
            try (Held _ = value.getLock().hold()) {
                value.set(value.get() + 1);
            }
        }
        return adds;
    }

    /** Says it waits (in {@code waiting}), then waits for {@code event}. */
    static boolean awaits(Event event, Value<Integer> waiting) throws InterruptedException {
        waiting.set(1);
        return event.await(Deadlines.CHILD);
    }

    static int takesAPermitAndGivesItBack(Semaphore semaphore) throws InterruptedException {
        semaphore.acquire();
        int left = semaphore.availablePermits();
        semaphore.release();
        return left;
    }

    @Test
    void primitivesTravelToTasksOnTheHostsAndAreTheSameThere() throws Exception {
        Context ctx = ClusterFixture.context();
        Value<Integer> value = ctx.value(TypeCode.INT, 0);
        Value<Integer> waiting = ctx.value(TypeCode.INT, 0);
        Event event = ctx.event();
        Semaphore semaphore = ctx.boundedSemaphore(1);
        try (Pool pool = ctx.pool(2)) {
            // The waiter is woken before the adds run: the shared host's processes may be fewer
            // than the tasks when another test's task still ends there.
            AsyncResult<Boolean> waiter = pool.applyAsync(ClusterPrimitivesTest::awaits, event, waiting);
            Deadlines.await("the task waits for the event", Deadlines.CHILD, () -> waiting.get() == 1);
            event.set();
            assertThat(waiter.get(Deadlines.CHILD)).isTrue();
            assertThat(pool.starmap(ClusterPrimitivesTest::addsUnderTheLock, List.of(Map.entry(value, 200), Map.entry(value, 200))))
                    .containsExactly(200, 200);
            assertThat(value.get()).as("no add lost between two hosts' processes").isEqualTo(400);
            assertThat(pool.apply(ClusterPrimitivesTest::takesAPermitAndGivesItBack, semaphore)).isZero();
            assertThat(semaphore.availablePermits()).isEqualTo(1);
            assertThatThrownBy(semaphore::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("too many");
        }
    }

    /** Takes the lock, writes 1 under it, says so, then — once told — writes 99 under the same hold. */
    static String holdsThenWritesLate(Lock lock, Value<Integer> value, Path dir) throws Exception {
        lock.lock();
        value.set(1);
        // Written aside and moved into place: the test must never read a "holding" still empty.
        Path holding = Files.writeString(dir.resolve("holding.part"), Long.toString(((Fenced) lock).fencingToken()));
        Files.move(holding, dir.resolve("holding"), StandardCopyOption.ATOMIC_MOVE);
        while (!Files.exists(dir.resolve("write"))) {
            LockSupport.parkNanos(2_000_000);
        }
        try {
            value.set(99);
            return "written";
        } catch (IllegalMonitorStateException refused) {
            return "refused: " + refused.getMessage();
        }
    }

    @Test
    void aHolderStoppedPastItsLeaseLosesTheLockAndItsLateWriteIsRefusedByTheFencingToken() throws Exception {
        Cluster cluster = Cluster.at(ClusterFixture.redis().uri()).name(ClusterFixture.freshName("fence"))
                .lease(Duration.ofMillis(1500));
        Context ctx = cluster.context();
        Lock lock = ctx.lock();
        Value<Integer> value = ctx.value(TypeCode.INT, 0, lock);
        try (ClusterFixture.Host host = ClusterFixture.Host.start(cluster, 1); Pool pool = ctx.pool(1)) {
            AsyncResult<String> late = pool.applyAsync(ClusterPrimitivesTest::holdsThenWritesLate, lock, value, dir);
            try {
                Deadlines.await("the task holds the lock", Deadlines.CHILD, () -> Files.exists(dir.resolve("holding")));
                long first = Long.parseLong(Files.readString(dir.resolve("holding")));
                assertThat(lock.tryLock()).as("held by the task").isFalse();
                host.stopGroup();
                assertThat(lock.acquire(Deadlines.CHILD)).as("the lease runs out, and the lock is ours").isTrue();
                assertThat(lock.ownerDied()).isTrue();
                assertThat(((Fenced) lock).fencingToken()).isGreaterThan(first);
                value.set(2);
                host.continueGroup();
                Files.writeString(dir.resolve("write"), "");
                assertThat(late.get(Deadlines.CHILD)).startsWith("refused").contains("fencing token " + first);
                assertThat(value.get()).isEqualTo(2);
                lock.unlock();
                assertThat(lock.isLocked()).isFalse();
            } finally {
                // Whatever failed above, the task ends (and so the pool's close): a failure reports instead of hanging.
                host.continueGroup();
                Files.writeString(dir.resolve("write"), "");
            }
        }
    }
}
