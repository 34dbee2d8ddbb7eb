package dev.spindle.internal.values;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.sync.Lock;
import java.lang.foreign.Arena;

/**
 * A {@link dev.spindle.multiprocessing.Value} for the threads of this JVM: the same slot and
 * atomics as the shared one, in memory of this JVM's collector.
 *
 * @param <T> the Java type of the value
 */
public final class LocalValue<T> extends MemoryValue<T> implements StaysInProcess {
    /** A new value of {@code code}, {@code initial}, guarded by {@code lock} (null: raw). */
    public LocalValue(TypeCode<T> code, T initial, Lock lock) {
        super(code, Arena.ofAuto().allocate(8, 8), 0, lock);
        set(initial);
    }
}
