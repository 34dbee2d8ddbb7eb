package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Held;
import dev.spindle.sync.Lock;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values and arrays, written once and run over every context: the type codes and how they wrap,
 * the atomics, the locks, and two parties (threads, or processes) adding to one value.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ValueContractTest {
    private static final int ADDS = 10_000;

    static Stream<Context> contexts() {
        return Stream.of(Context.processes(), Context.threads(), Context.virtualThreads());
    }

    @AfterAll
    static void dropShared() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void everyTypeCodeKeepsItsValuesAndWrapsAsItsCType(Context ctx) {
        assertThat(ctx.value(TypeCode.CHAR, (byte) 'a').get()).isEqualTo((byte) 'a');
        assertThat(ctx.value(TypeCode.WCHAR, '武').get()).isEqualTo('武');
        assertThat(ctx.value(TypeCode.BYTE, (byte) -5).get()).isEqualTo((byte) -5);
        assertThat(ctx.value(TypeCode.UBYTE, 255).get()).isEqualTo(255);
        assertThat(ctx.value(TypeCode.UBYTE, 256).get()).as("wraps").isZero();
        assertThat(ctx.value(TypeCode.SHORT, (short) -300).get()).isEqualTo((short) -300);
        assertThat(ctx.value(TypeCode.USHORT, 65_535).get()).isEqualTo(65_535);
        assertThat(ctx.value(TypeCode.USHORT, -1).get()).as("wraps").isEqualTo(65_535);
        assertThat(ctx.value(TypeCode.INT, 666).get()).isEqualTo(666);
        assertThat(ctx.value(TypeCode.UINT, 4_294_967_295L).get()).isEqualTo(4_294_967_295L);
        assertThat(ctx.value(TypeCode.UINT, 4_294_967_296L).get()).as("wraps").isZero();
        assertThat(ctx.value(TypeCode.LONG, Long.MIN_VALUE).get()).isEqualTo(Long.MIN_VALUE);
        assertThat(Long.toUnsignedString(ctx.value(TypeCode.ULONG, -1L).get())).isEqualTo("18446744073709551615");
        assertThat(ctx.value(TypeCode.FLOAT, 1.5f).get()).isEqualTo(1.5f);
        assertThat(ctx.value(TypeCode.DOUBLE, Math.PI).get()).isEqualTo(Math.PI);
        assertThat(ctx.value(TypeCode.BOOLEAN, true).get()).isTrue();
        Value<Integer> value = ctx.value(TypeCode.INT, 1);
        value.set(888);
        assertThat(value.get()).isEqualTo(888);
        assertThat(value.typeCode()).isSameAs(TypeCode.INT);
        assertThat(TypeCode.of('i')).isSameAs(TypeCode.INT);
        Value<Integer> asPythonWritesIt = ctx.value(TypeCode.of('i'), 7); // Value('i', 7)
        assertThat(asPythonWritesIt.get() + 1).isEqualTo(8);
        Array<Double> doubles = ctx.array(TypeCode.of('d'), List.of(1.5, 2.5));
        assertThat(doubles.get(1)).isEqualTo(2.5);
        assertThatThrownBy(() -> ctx.value(TypeCode.of('d'), 7)).as("T must be the code's Java type")
                .isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> TypeCode.of('z')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> value.set(null)).isInstanceOf(NullPointerException.class);
    }

    /** CPython's {@code _TestValue.test_value}, its {@code ('q', 2 ** 33, 2 ** 34)} row, with {@code 'Q'} beside it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void theLongLongCodesKeepSixtyFourBits(Context ctx) {
        Value<Long> q = ctx.value(TypeCode.of('q'), 1L << 33);
        assertThat(q.get()).isEqualTo(1L << 33);
        q.set(1L << 34);
        assertThat(q.get()).isEqualTo(1L << 34);
        assertThat(q.typeCode()).isSameAs(TypeCode.LONGLONG);
        assertThat(Long.toUnsignedString(ctx.value(TypeCode.ULONGLONG, -1L).get())).isEqualTo("18446744073709551615");
        Array<Long> array = ctx.array(TypeCode.LONGLONG, List.of(Long.MIN_VALUE, Long.MAX_VALUE));
        assertThat(array.toList()).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(new TypeCode<>('Q', 8, Long.class)).isEqualTo(TypeCode.ULONGLONG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void theAtomicsUpdateInOneStepAndWrap(Context ctx) {
        Value<Integer> counter = ctx.value(TypeCode.INT, 0);
        assertThat(counter.incrementAndGet()).isEqualTo(1);
        assertThat(counter.addAndGet(41)).isEqualTo(42);
        assertThat(counter.getAndAdd(8)).isEqualTo(42);
        assertThat(counter.decrementAndGet()).isEqualTo(49);
        assertThat(counter.compareAndSet(48, 0)).isFalse();
        assertThat(counter.compareAndSet(49, 0)).isTrue();
        assertThat(counter.getAndSet(7)).isZero();
        assertThat(counter.get()).isEqualTo(7);
        Value<Integer> max = ctx.value(TypeCode.INT, Integer.MAX_VALUE);
        assertThat(max.incrementAndGet()).as("wraps as a C int").isEqualTo(Integer.MIN_VALUE);
        Value<Integer> ubyte = ctx.value(TypeCode.UBYTE, 0);
        assertThat(ubyte.decrementAndGet()).isEqualTo(255);
        assertThat(ubyte.incrementAndGet()).isZero();
        Value<Long> uint = ctx.value(TypeCode.UINT, 0L);
        assertThat(uint.decrementAndGet()).isEqualTo(4_294_967_295L);
        Value<Double> sum = ctx.value(TypeCode.DOUBLE, 0.5);
        assertThat(sum.addAndGet(0.25)).isEqualTo(0.75);
        assertThat(sum.incrementAndGet()).isEqualTo(1.75);
        assertThat(sum.compareAndSet(1.75, -0.0)).isTrue();
        assertThat(sum.compareAndSet(0.0, 1.0)).as("compared as stored: -0.0 is not 0.0").isFalse();
        Value<Float> f = ctx.value(TypeCode.FLOAT, 1f);
        assertThat(f.addAndGet(2f)).isEqualTo(3f);
        Value<Boolean> flag = ctx.value(TypeCode.BOOLEAN, false);
        assertThat(flag.compareAndSet(false, true)).isTrue();
        assertThatThrownBy(() -> flag.addAndGet(true)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ctx.value(TypeCode.WCHAR, 'a').incrementAndGet())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aValueHasAReentrantLockAndARawOneHasNone(Context ctx) {
        Value<Integer> value = ctx.value(TypeCode.INT, 0);
        assertThat(value.hasLock()).isTrue();
        try (Held _ = value.getLock().hold(); Held _ = value.getLock().hold()) {
            value.set(value.get() + 1);
        }
        assertThat(value.get()).isEqualTo(1);
        Value<Integer> raw = ctx.rawValue(TypeCode.INT, 5);
        assertThat(raw.hasLock()).isFalse();
        assertThatThrownBy(raw::getLock).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("RawValue");
        assertThat(raw.incrementAndGet()).isEqualTo(6);
        assertThat(ctx.rawArray(TypeCode.INT, 2).hasLock()).isFalse();
    }

    static void addsUnderTheLock(Value<Integer> value) {
        for (int i = 0; i < ADDS; i++) {
            try (Held _ = value.getLock().hold()) {
                value.set(value.get() + 1);
            }
        }
    }

    static void addsAtomically(Value<Integer> value) {
        for (int i = 0; i < ADDS; i++) {
            value.incrementAndGet();
        }
    }

    private static void twoParties(Context ctx, dev.spindle.function.CheckedConsumer<Value<Integer>> adds,
            Value<Integer> value) throws Exception {
        if (ctx.kind() == Context.Kind.PROCESSES) {
            List<ChildProcess> children = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ChildProcess child = new ChildProcess(adds, value);
                child.start();
                children.add(child);
            }
            for (ChildProcess child : children) {
                child.join();
                assertThat(child.exitCode()).isZero();
            }
        } else {
            List<CompletableFuture<Void>> parties = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                CompletableFuture<Void> party = new CompletableFuture<>();
                parties.add(party);
                (ctx.kind() == Context.Kind.VIRTUAL_THREADS ? Thread.ofVirtual() : Thread.ofPlatform()).start(() -> {
                    try {
                        adds.accept(value);
                        party.complete(null);
                    } catch (Throwable t) {
                        party.completeExceptionally(t);
                    }
                });
            }
            for (CompletableFuture<Void> party : parties) {
                party.get(Deadlines.CHILD.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void twoPartiesAddingUnderTheLockOrAtomicallyLoseNoAdd(Context ctx) throws Exception {
        Value<Integer> locked = ctx.value(TypeCode.INT, 0);
        twoParties(ctx, ValueContractTest::addsUnderTheLock, locked);
        assertThat(locked.get()).isEqualTo(2 * ADDS);
        Value<Integer> atomic = ctx.value(TypeCode.INT, 0);
        twoParties(ctx, ValueContractTest::addsAtomically, atomic);
        assertThat(atomic.get()).isEqualTo(2 * ADDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void anArrayIsMadeFromALengthOrValuesAndReadWholeOrInSlices(Context ctx) {
        Array<Integer> zeros = ctx.array(TypeCode.INT, 4);
        assertThat(zeros.toList()).containsExactly(0, 0, 0, 0);
        Array<Integer> array = ctx.array(TypeCode.INT, List.of(11, 22, 33, 44));
        assertThat(array.length()).isEqualTo(4);
        array.set(0, 666);
        assertThat(array.get(0)).isEqualTo(666);
        assertThat(array.slice(1, 3)).containsExactly(22, 33);
        array.setSlice(2, List.of(7, 8));
        assertThat(array.toList()).containsExactly(666, 22, 7, 8);
        assertThat((int[]) array.toArray()).containsExactly(666, 22, 7, 8);
        assertThat(array.segment().byteSize()).isEqualTo(16);
        assertThat(array.segment().getAtIndex(ValueLayout.JAVA_INT, 1)).as("C's layout").isEqualTo(22);
        array.segment().setAtIndex(ValueLayout.JAVA_INT, 3, 9);
        assertThat(array.get(3)).isEqualTo(9);
        assertThatThrownBy(() -> array.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> array.set(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> array.setSlice(3, List.of(1, 2))).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(array.toList()).as("a refused slice writes nothing").containsExactly(666, 22, 7, 9);
        Array<Integer> bytes = ctx.array(TypeCode.UBYTE, List.of(200, 300));
        assertThat(bytes.toList()).containsExactly(200, 44);
        Array<Double> doubles = ctx.array(TypeCode.DOUBLE, List.of(0.5, 1.5));
        assertThat((double[]) doubles.toArray()).containsExactly(0.5, 1.5);
        assertThat(ctx.array(TypeCode.WCHAR, List.of('武', 'a')).toList()).containsExactly('武', 'a');
        assertThatThrownBy(() -> ctx.array(TypeCode.INT, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ctx.array(TypeCode.INT, 0).toList()).isEmpty();
        try (Held _ = array.getLock().hold()) {
            array.set(1, array.get(1) + 1);
        }
        assertThat(array.get(1)).isEqualTo(23);
    }

    static void setsTheFirstTo666(Array<Integer> array) {
        array.set(0, 666);
    }

    static void changesValues(Value<Integer> number, Value<Character> letter) {
        number.set(888);
        letter.set('武');
    }

    @Test
    void aChildChangesAValueAndAnArrayTheParentSeesAsInPython() throws Exception {
        Array<Integer> array = Array.ofInts(11, 22, 33, 44);
        ChildProcess child = new ChildProcess(ValueContractTest::setsTheFirstTo666, array);
        child.start();
        child.join();
        assertThat(array.toList()).containsExactly(666, 22, 33, 44);
        Value<Integer> number = Context.processes().value(TypeCode.INT, 666);
        Value<Character> letter = Context.processes().value(TypeCode.WCHAR, 'x');
        ChildProcess changer = new ChildProcess(ValueContractTest::changesValues, number, letter);
        changer.start();
        changer.join();
        assertThat(number.get()).isEqualTo(888);
        assertThat(letter.get()).isEqualTo('武');
        assertThat(Array.ofLongs(1, 2).toList()).containsExactly(1L, 2L);
        assertThat(Array.ofDoubles(0.5).toList()).containsExactly(0.5);
    }

    static boolean triesItsLock(Value<Integer> value) {
        return value.getLock().tryLock();
    }

    static int sumsTheArray(Array<Integer> array) {
        return array.toList().stream().mapToInt(Integer::intValue).sum();
    }

    @SuppressWarnings("unchecked")
    static void incrementsWhatItGets(Queue<Object> queue) throws Exception {
        Value<Long> value = (Value<Long>) queue.take();
        value.incrementAndGet();
    }

    @Test
    void valuesTravelToPoolTasksAndInsideQueueItemsWithTheirLock() throws Exception {
        Value<Integer> value = Context.processes().value(TypeCode.INT, 0);
        Array<Integer> array = Array.ofInts(1, 2, 3);
        value.getLock().lock();
        try (Pool pool = Context.processes().pool(1)) {
            assertThat(pool.apply(ValueContractTest::triesItsLock, value)).as("held here").isFalse();
            value.getLock().unlock();
            assertThat(pool.apply(ValueContractTest::sumsTheArray, array)).isEqualTo(6);
        }
        Value<Long> counted = Context.processes().rawValue(TypeCode.LONG, 41L);
        Queue<Object> queue = Context.processes().queue();
        ChildProcess child = new ChildProcess(ValueContractTest::incrementsWhatItGets, queue);
        child.start();
        queue.put(counted);
        child.join();
        assertThat(counted.get()).isEqualTo(42L);
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
            ChildProcess trier = new ChildProcess(ValueContractTest::findsTheArraysLockHeld, array);
            trier.start();
            trier.join();
            assertThat(trier.exitCode()).as("the child found it held").isZero();
        } finally {
            lock.unlock();
        }
        ChildProcess adder = new ChildProcess(ValueContractTest::addsUnderTheValuesLock, value);
        adder.start();
        adder.join();
        assertThat(adder.exitCode()).isZero();
        assertThat(value.get()).isEqualTo(1);
        assertThat(lock.isLocked()).as("the child released it").isFalse();
    }
}
