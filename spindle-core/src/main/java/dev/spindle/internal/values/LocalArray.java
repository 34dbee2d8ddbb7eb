package dev.spindle.internal.values;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.sync.Lock;
import java.lang.foreign.Arena;

/**
 * An {@link dev.spindle.multiprocessing.Array} for the threads of this JVM, in memory of this
 * JVM's collector, laid out as the shared one.
 *
 * @param <T> the Java type of the elements
 */
public final class LocalArray<T> extends MemoryArray<T> implements StaysInProcess {
    /** A new array of {@code length} zeros of {@code code}, guarded by {@code lock} (null: raw). */
    public LocalArray(TypeCode<T> code, int length, Lock lock) {
        super(code, Arena.ofAuto().allocate(Math.max(1, (long) checked(length) * code.byteSize()), 8), length, lock);
    }

    private static int checked(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("an array's length must be 0 or more, not " + length);
        }
        return length;
    }
}
