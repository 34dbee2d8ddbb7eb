package dev.spindle.internal.values;

import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.sync.Lock;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@link Array} over memory (shared, or this JVM's) laid out as C's array of its type, each
 * element read and written volatile ({@link Elements}).
 *
 * @param <T> the Java type of the elements
 */
abstract class MemoryArray<T> extends Guarded implements Array<T> {
    private final TypeCode<T> code;
    private final MemorySegment elements;
    private final int length;

    /** The {@code length} elements at the start of {@code elements}, guarded by {@code lock} (null: raw). */
    MemoryArray(TypeCode<T> code, MemorySegment elements, int length, Lock lock) {
        super(lock, "RawArray");
        this.code = code;
        this.elements = elements.asSlice(0, (long) length * code.byteSize());
        this.length = length;
    }

    @Override
    public final TypeCode<T> typeCode() {
        return code;
    }

    @Override
    public final int length() {
        return length;
    }

    private long offsetOf(int index) {
        return (long) Objects.checkIndex(index, length) * code.byteSize();
    }

    @Override
    public final T get(int index) {
        return Elements.read(code, elements, offsetOf(index));
    }

    @Override
    public final void set(int index, T value) {
        Elements.write(code, elements, offsetOf(index), value);
    }

    @Override
    public final List<T> slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        List<T> values = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            values.add(get(i));
        }
        return values;
    }

    @Override
    public final void setSlice(int from, List<? extends T> values) {
        Objects.checkFromIndexSize(from, values.size(), length);
        for (T value : values) {
            code.cast(value); // all checked before any is written
        }
        int i = from;
        for (T value : values) {
            set(i++, value);
        }
    }

    @Override
    public final List<T> toList() {
        return slice(0, length);
    }

    @Override
    public final Object toArray() {
        return switch (code.code()) {
            case 'c', 'b', 'B', '?' -> elements.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            case 'u' -> elements.toArray(java.lang.foreign.ValueLayout.JAVA_CHAR);
            case 'h', 'H' -> elements.toArray(java.lang.foreign.ValueLayout.JAVA_SHORT);
            case 'i', 'I' -> elements.toArray(java.lang.foreign.ValueLayout.JAVA_INT);
            case 'l', 'L', 'q', 'Q' -> elements.toArray(java.lang.foreign.ValueLayout.JAVA_LONG);
            case 'f' -> elements.toArray(java.lang.foreign.ValueLayout.JAVA_FLOAT);
            case 'd' -> elements.toArray(java.lang.foreign.ValueLayout.JAVA_DOUBLE);
            default -> throw new IllegalStateException("no type code " + code);
        };
    }

    @Override
    public final MemorySegment segment() {
        return elements;
    }

    @Override
    public String toString() {
        return "Array(" + code + ", " + toList() + (hasLock() ? "" : ", raw") + ")";
    }
}
