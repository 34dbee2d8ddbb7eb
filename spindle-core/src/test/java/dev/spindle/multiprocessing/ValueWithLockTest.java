package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.sync.Held;
import dev.spindle.sync.Lock;
import dev.spindle.testing.NoLeaks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A value or array guarded by a lock the caller passes in (Python's {@code Value(typecode, v, lock=lock)}). */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ValueWithLockTest {
    static Stream<Context> contexts() {
        return Stream.of(Context.processes(), Context.threads(), Context.virtualThreads());
    }

    @AfterAll
    static void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /**
     * CPython's {@code test_getobj_getlock_obj}: {@code Array('i', …, lock=lock).get_lock()} is
     * that lock, a default one is a lock of its own, and a raw one has none.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void getLockReturnsTheLockTheValueOrArrayWasMadeWith(Context ctx) {
        Lock lock = ctx.lock();
        Value<Integer> value = ctx.value(TypeCode.INT, 5, lock);
        Array<Integer> array = ctx.array(TypeCode.INT, List.of(0, 1, 2), lock);
        Array<Double> zeros = ctx.array(TypeCode.DOUBLE, 4, ctx.rlock());
        assertThat(value.getLock()).isSameAs(lock);
        assertThat(array.getLock()).isSameAs(lock);
        assertThat(value.get()).isEqualTo(5);
        assertThat(array.toList()).containsExactly(0, 1, 2);
        assertThat(zeros.toList()).containsExactly(0.0, 0.0, 0.0, 0.0);
        assertThat(ctx.value(TypeCode.INT, 1).getLock()).as("a default value's own lock").isNotSameAs(lock);
        assertThat(ctx.rawArray(TypeCode.INT, List.of(1)).hasLock()).isFalse();
        try (Held _ = value.getLock().hold()) {
            assertThat(array.getLock().isLocked()).as("one lock guards both").isTrue();
            value.set(value.get() + array.get(2));
        }
        assertThat(value.get()).isEqualTo(7);
    }

    @Test
    void aLockOfAnotherKindOfContextIsRefused() {
        assertThatThrownBy(() -> Context.processes().value(TypeCode.INT, 0, Context.threads().lock()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same kind of context");
        assertThatThrownBy(() -> Context.threads().array(TypeCode.INT, 2, Context.processes().rlock()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same kind of context");
        assertThatThrownBy(() -> Context.processes().value(TypeCode.INT, 0, null)).isInstanceOf(NullPointerException.class);
    }

    static void findsTheArraysLockHeld(Array<Integer> array) {
        if (array.getLock().tryLock()) {
            throw new IllegalStateException("the array's lock was free in the child");
        }
    }

    static void addsUnderTheValuesLock(Value<Integer> value) {
        try (Held _ = value.getLock().hold()) {
            value.set(value.get() + 1);
        }
    }

    /** The passed lock travels with the value: a child's copy of it is the same cross-process lock. */
    @Test
    void thePassedLockTravelsWithTheValueToAChild() throws Exception {
        Context ctx = Context.processes();
        Lock lock = ctx.lock();
        Value<Integer> value = ctx.value(TypeCode.INT, 0, lock);
        Array<Integer> array = ctx.array(TypeCode.INT, 1, lock);
        lock.lock();
        try {
            ChildProcess trier = new ChildProcess(ValueWithLockTest::findsTheArraysLockHeld, array);
            trier.start();
            trier.join();
            assertThat(trier.exitCode()).as("the child found it held").isZero();
        } finally {
            lock.unlock();
        }
        ChildProcess adder = new ChildProcess(ValueWithLockTest::addsUnderTheValuesLock, value);
        adder.start();
        adder.join();
        assertThat(adder.exitCode()).isZero();
        assertThat(value.get()).isEqualTo(1);
        assertThat(lock.isLocked()).as("the child released it").isFalse();
    }
}
