package dev.spindle.multiprocessing;

import dev.spindle.Context;
import dev.spindle.sync.Lock;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A typed array in shared memory (Python's {@code multiprocessing.Array} and {@code RawArray}),
 * made by a {@link Context} from a length or from values:
 * {@code Context.processes().array(TypeCode.INT, 10)}, or {@link #ofInts Array.ofInts(11, 22, 33, 44)}
 * for child processes and pool tasks too; {@code Context.threads().array(...)} for the threads of
 * this JVM. Its length is fixed.
 *
 * <p>Each element's {@code get} and {@code set} is atomic (volatile); a slice, or a step over
 * several elements, is not: hold {@link #getLock()} around it, as in Python. {@link #segment()}
 * is the elements' memory, laid out as C's array of the type, for bulk work.
 *
 * <p>Memory consistency: as {@link Value}'s, per element.
 *
 * @param <T> the Java type of the elements (see {@link TypeCode})
 */
public interface Array<T> {
    /** The type code of the elements. */
    TypeCode<T> typeCode();

    /** The number of elements (Python's {@code len(arr)}). */
    int length();

    /**
     * Element {@code index} (Python's {@code arr[i]}).
     *
     * @throws IndexOutOfBoundsException if it is not in {@code [0, length())}
     */
    T get(int index);

    /** Sets element {@code index} (Python's {@code arr[i] = v}). */
    void set(int index, T value);

    /** The elements {@code from} (inclusive) to {@code to} (exclusive), copied (Python's {@code arr[from:to]}). */
    List<T> slice(int from, int to);

    /** Sets the elements from {@code from} on to {@code values} (Python's {@code arr[from:from+n] = values}). */
    void setSlice(int from, List<? extends T> values);

    /** Every element, copied (Python's {@code arr[:]}). */
    List<T> toList();

    /**
     * Every element, copied into a primitive array of the storage type: {@code int[]} for
     * {@link TypeCode#INT}, {@code byte[]} for {@link TypeCode#UBYTE} (its raw bytes), and so on.
     */
    Object toArray();

    /**
     * The memory of the elements, {@code length() * typeCode().byteSize()} bytes in native order:
     * a view, valid while this array is reachable; writes through it are plain, not volatile.
     */
    MemorySegment segment();

    /**
     * The lock that guards compound steps (Python's {@code get_lock()}): a new
     * {@link dev.spindle.sync.RLock} of its own, or the lock it was made with
     * ({@link Context#array(TypeCode, int, Lock)}).
     *
     * @throws UnsupportedOperationException for a raw array, which has none
     */
    Lock getLock();

    /** Whether the array has a lock: false for a raw one. */
    boolean hasLock();

    /** A new array of {@code values} shared by processes: {@code Context.processes().array(TypeCode.INT, ...)}. */
    static Array<Integer> ofInts(int... values) {
        return Context.processes().array(TypeCode.INT, java.util.Arrays.stream(values).boxed().toList());
    }

    /** A new array of {@code values} shared by processes: {@code Context.processes().array(TypeCode.LONG, ...)}. */
    static Array<Long> ofLongs(long... values) {
        return Context.processes().array(TypeCode.LONG, java.util.Arrays.stream(values).boxed().toList());
    }

    /** A new array of {@code values} shared by processes: {@code Context.processes().array(TypeCode.DOUBLE, ...)}. */
    static Array<Double> ofDoubles(double... values) {
        return Context.processes().array(TypeCode.DOUBLE, java.util.Arrays.stream(values).boxed().toList());
    }
}
