package dev.spindle.internal.values;

import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.sync.Lock;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A {@link dev.spindle.multiprocessing.Value} in a 64-bit slot of memory (shared, or this JVM's):
 * {@link Elements}' bits, read and written volatile.
 *
 * @param <T> the Java type of the value
 */
abstract class MemoryValue<T> extends SlotValue<T> {
    private static final VarHandle SLOT = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment memory;
    private final long offset;

    /** The value in the slot at {@code offset} (8-byte aligned) of {@code memory}, guarded by {@code lock} (null: raw). */
    MemoryValue(TypeCode<T> code, MemorySegment memory, long offset, Lock lock) {
        super(code, lock);
        this.memory = memory;
        this.offset = offset;
    }

    @Override
    protected final long bits() {
        return (long) SLOT.getVolatile(memory, offset);
    }

    @Override
    protected final void setBits(long bits) {
        SLOT.setVolatile(memory, offset, bits);
    }

    @Override
    protected final long getAndSetBits(long bits) {
        return (long) SLOT.getAndSet(memory, offset, bits);
    }

    @Override
    protected final boolean compareAndSetBits(long expected, long bits) {
        return SLOT.compareAndSet(memory, offset, expected, bits);
    }
}
