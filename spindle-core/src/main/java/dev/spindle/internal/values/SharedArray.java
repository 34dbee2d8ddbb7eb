package dev.spindle.internal.values;

import dev.spindle.internal.shm.ObjectSegment;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.sync.Lock;

/**
 * An {@link dev.spindle.multiprocessing.Array} in shared memory (Python's
 * {@code multiprocessing.Array}): its segment ({@link ValuesLayout}) travels by name, its lock
 * with it. Lifetime: {@link ObjectSegment}'s.
 *
 * @param <T> the Java type of the elements
 */
public final class SharedArray<T> extends MemoryArray<T> {
    static {
        ObjectSegment.register(SharedArray.class, ValuesLayout.ARRAY, SharedArray::arrive, array -> array.segment,
                array -> array.lockOrNull());
    }

    private final ObjectSegment segment;

    private SharedArray(ObjectSegment segment, TypeCode<T> code, int length, Lock lock) {
        super(code, segment.memory().asSlice(ValuesLayout.DATA), length, lock);
        this.segment = segment;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static SharedArray<?> arrive(ObjectSegment segment, Object lock) {
        TypeCode<?> code = ValuesLayout.typeCode(segment.memory());
        return new SharedArray(segment, code, ValuesLayout.length(segment.memory(), code), (Lock) lock);
    }

    /** A new array of {@code length} zeros of {@code code}, guarded by {@code lock} (null: raw), owned by this process. */
    public static <T> SharedArray<T> create(TypeCode<T> code, int length, Lock lock) {
        if (length < 0) {
            throw new IllegalArgumentException("an array's length must be 0 or more, not " + length);
        }
        return ObjectSegment.create(ValuesLayout.ARRAY, ValuesLayout.DATA + (long) length * code.byteSize(),
                memory -> ValuesLayout.initialize(memory, code, length),
                segment -> new SharedArray<>(segment, code, length, lock));
    }
}
