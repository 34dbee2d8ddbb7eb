package dev.spindle.internal.values;

import dev.spindle.internal.shm.ObjectSegment;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.sync.Lock;

/**
 * A {@link dev.spindle.multiprocessing.Value} in shared memory (Python's
 * {@code multiprocessing.Value}): its segment ({@link ValuesLayout}) travels by name, and its lock
 * (a cross-process Lock or RLock, or none for a raw value) with it. Lifetime: {@link ObjectSegment}'s.
 *
 * @param <T> the Java type of the value
 */
public final class SharedValue<T> extends MemoryValue<T> {
    static {
        ObjectSegment.register(SharedValue.class, ValuesLayout.VALUE, SharedValue::arrive, value -> value.segment,
                value -> value.lockOrNull());
    }

    private final ObjectSegment segment;

    private SharedValue(ObjectSegment segment, TypeCode<T> code, Lock lock) {
        super(code, segment.memory(), ValuesLayout.DATA, lock);
        this.segment = segment;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static SharedValue<?> arrive(ObjectSegment segment, Object lock) {
        return new SharedValue(segment, ValuesLayout.typeCode(segment.memory()), (Lock) lock);
    }

    /** A new value of {@code code}, {@code initial}, guarded by {@code lock} (a cross-process Lock or RLock; null: raw), owned by this process. */
    public static <T> SharedValue<T> create(TypeCode<T> code, T initial, Lock lock) {
        long bits = Elements.bits(code, initial);
        return ObjectSegment.create(ValuesLayout.VALUE, memory -> {
            ValuesLayout.initialize(memory, code, 1);
            memory.set(java.lang.foreign.ValueLayout.JAVA_LONG, ValuesLayout.DATA, bits);
        }, segment -> new SharedValue<>(segment, code, lock));
    }
}
