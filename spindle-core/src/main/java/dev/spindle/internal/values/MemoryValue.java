package dev.spindle.internal.values;

import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.sync.Lock;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A {@link Value} in a 64-bit slot of memory (shared, or this JVM's): {@link Elements}' bits,
 * read and written volatile; the atomic updates are compare-and-set loops on the slot.
 *
 * @param <T> the Java type of the value
 */
abstract class MemoryValue<T> extends Guarded implements Value<T> {
    private static final VarHandle SLOT = ValueLayout.JAVA_LONG.varHandle();

    private final TypeCode<T> code;
    private final MemorySegment memory;
    private final long offset;

    /** The value in the slot at {@code offset} (8-byte aligned) of {@code memory}, guarded by {@code lock} (null: raw). */
    MemoryValue(TypeCode<T> code, MemorySegment memory, long offset, Lock lock) {
        super(lock, "RawValue");
        this.code = code;
        this.memory = memory;
        this.offset = offset;
    }

    @Override
    public final TypeCode<T> typeCode() {
        return code;
    }

    private long bits() {
        return (long) SLOT.getVolatile(memory, offset);
    }

    @Override
    public final T get() {
        return Elements.fromBits(code, bits());
    }

    @Override
    public final void set(T value) {
        SLOT.setVolatile(memory, offset, Elements.bits(code, value));
    }

    @Override
    public final T getAndSet(T value) {
        return Elements.fromBits(code, (long) SLOT.getAndSet(memory, offset, Elements.bits(code, value)));
    }

    @Override
    public final boolean compareAndSet(T expected, T value) {
        return SLOT.compareAndSet(memory, offset, Elements.bits(code, expected), Elements.bits(code, value));
    }

    @Override
    public final T addAndGet(T delta) {
        return Elements.fromBits(code, add(delta)[1]);
    }

    @Override
    public final T getAndAdd(T delta) {
        return Elements.fromBits(code, add(delta)[0]);
    }

    /** Adds {@code delta} by compare-and-set; returns the bits before and after. */
    private long[] add(T delta) {
        while (true) {
            long before = bits();
            long after = Elements.add(code, before, delta);
            if (SLOT.compareAndSet(memory, offset, before, after)) {
                return new long[] {before, after};
            }
        }
    }

    @Override
    public final T incrementAndGet() {
        return addAndGet(Elements.one(code));
    }

    @Override
    public final T decrementAndGet() {
        return addAndGet(Elements.minusOne(code));
    }

    @Override
    public String toString() {
        return "Value(" + code + ", " + get() + (hasLock() ? "" : ", raw") + ")";
    }
}
