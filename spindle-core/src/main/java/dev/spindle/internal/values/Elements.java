package dev.spindle.internal.values;

import dev.spindle.multiprocessing.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * How values of each {@link TypeCode} are stored: as elements of an array (C's layout, each
 * element read and written volatile), and as the 64 bits of a value's slot, where the atomic
 * updates work on the bits (an unsigned or narrow value wraps as its C type does).
 */
final class Elements {
    private static final VarHandle BYTE = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle CHAR = ValueLayout.JAVA_CHAR.varHandle();
    private static final VarHandle SHORT = ValueLayout.JAVA_SHORT.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle FLOAT = ValueLayout.JAVA_FLOAT.varHandle();
    private static final VarHandle DOUBLE = ValueLayout.JAVA_DOUBLE.varHandle();

    private Elements() {}

    /** The layout an element of {@code code} has in an array. */
    static ValueLayout layout(TypeCode<?> code) {
        return switch (code.code()) {
            case 'c', 'b', 'B', '?' -> ValueLayout.JAVA_BYTE;
            case 'u' -> ValueLayout.JAVA_CHAR;
            case 'h', 'H' -> ValueLayout.JAVA_SHORT;
            case 'i', 'I' -> ValueLayout.JAVA_INT;
            case 'l', 'L', 'q', 'Q' -> ValueLayout.JAVA_LONG;
            case 'f' -> ValueLayout.JAVA_FLOAT;
            case 'd' -> ValueLayout.JAVA_DOUBLE;
            default -> throw new IllegalArgumentException("no type code " + code);
        };
    }

    /** Reads the element of {@code code} at {@code offset}, volatile. */
    static <T> T read(TypeCode<T> code, MemorySegment memory, long offset) {
        long bits = switch (code.code()) {
            case 'c', 'b', 'B', '?' -> (byte) BYTE.getVolatile(memory, offset);
            case 'u' -> (char) CHAR.getVolatile(memory, offset);
            case 'h', 'H' -> (short) SHORT.getVolatile(memory, offset);
            case 'i', 'I' -> (int) INT.getVolatile(memory, offset);
            case 'l', 'L', 'q', 'Q' -> (long) LONG.getVolatile(memory, offset);
            case 'f' -> Float.floatToRawIntBits((float) FLOAT.getVolatile(memory, offset));
            case 'd' -> Double.doubleToRawLongBits((double) DOUBLE.getVolatile(memory, offset));
            default -> throw new IllegalArgumentException("no type code " + code);
        };
        return fromBits(code, bits);
    }

    /** Writes {@code value} as the element of {@code code} at {@code offset}, volatile. */
    static <T> void write(TypeCode<T> code, MemorySegment memory, long offset, T value) {
        long bits = bits(code, value);
        switch (code.code()) {
            case 'c', 'b', 'B', '?' -> BYTE.setVolatile(memory, offset, (byte) bits);
            case 'u' -> CHAR.setVolatile(memory, offset, (char) bits);
            case 'h', 'H' -> SHORT.setVolatile(memory, offset, (short) bits);
            case 'i', 'I' -> INT.setVolatile(memory, offset, (int) bits);
            case 'l', 'L', 'q', 'Q' -> LONG.setVolatile(memory, offset, bits);
            case 'f' -> FLOAT.setVolatile(memory, offset, Float.intBitsToFloat((int) bits));
            case 'd' -> DOUBLE.setVolatile(memory, offset, Double.longBitsToDouble(bits));
            default -> throw new IllegalArgumentException("no type code " + code);
        }
    }

    /** The bits {@code value} is stored as, wrapped to its C type (so equal values have equal bits). */
    static <T> long bits(TypeCode<T> code, T value) {
        Object checked = code.cast(value);
        return switch (code.code()) {
            case 'c', 'b' -> (byte) checked;
            case 'B' -> (int) checked & 0xFF;
            case 'u' -> (char) checked;
            case 'h' -> (short) checked;
            case 'H' -> (int) checked & 0xFFFF;
            case 'i' -> (int) checked;
            case 'I' -> (long) checked & 0xFFFF_FFFFL;
            case 'l', 'L', 'q', 'Q' -> (long) checked;
            case 'f' -> Float.floatToRawIntBits((float) checked);
            case 'd' -> Double.doubleToRawLongBits((double) checked);
            case '?' -> (boolean) checked ? 1 : 0;
            default -> throw new IllegalArgumentException("no type code " + code);
        };
    }

    /** The value that the stored {@code bits} stand for. */
    static <T> T fromBits(TypeCode<T> code, long bits) {
        Object value = switch (code.code()) {
            case 'c', 'b' -> (byte) bits;
            case 'B' -> (int) (bits & 0xFF);
            case 'u' -> (char) bits;
            case 'h' -> (short) bits;
            case 'H' -> (int) (bits & 0xFFFF);
            case 'i' -> (int) bits;
            case 'I' -> bits & 0xFFFF_FFFFL;
            case 'l', 'L', 'q', 'Q' -> bits;
            case 'f' -> Float.intBitsToFloat((int) bits);
            case 'd' -> Double.longBitsToDouble(bits);
            case '?' -> (bits & 0xFF) != 0;
            default -> throw new IllegalArgumentException("no type code " + code);
        };
        return code.type().cast(value);
    }

    /** The bits of the stored {@code bits}' value plus {@code delta}, wrapped to the C type. */
    static <T> long add(TypeCode<T> code, long bits, T delta) {
        if (!code.isNumeric()) {
            throw new UnsupportedOperationException("a Value of type " + code + " is not a number");
        }
        T sum = switch (code.code()) {
            case 'f' -> code.type().cast((float) fromBits(code, bits) + (float) code.cast(delta));
            case 'd' -> code.type().cast((double) fromBits(code, bits) + (double) code.cast(delta));
            default -> fromBits(code, bits + bits(code, delta)); // two's complement: wrapping is truncation
        };
        return bits(code, sum);
    }

    /** One, as a value of {@code code}. */
    static <T> T one(TypeCode<T> code) {
        return fromBits(code, code.code() == 'f' ? Float.floatToRawIntBits(1f)
                : code.code() == 'd' ? Double.doubleToRawLongBits(1d) : 1);
    }

    /** Minus one, as a value of {@code code} (for the unsigned types, their largest: adding it wraps to one less). */
    static <T> T minusOne(TypeCode<T> code) {
        return fromBits(code, code.code() == 'f' ? Float.floatToRawIntBits(-1f)
                : code.code() == 'd' ? Double.doubleToRawLongBits(-1d) : -1);
    }
}
