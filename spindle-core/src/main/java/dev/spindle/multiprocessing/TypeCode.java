package dev.spindle.multiprocessing;

import java.util.Map;
import java.util.Objects;

/**
 * The element type of a shared {@link Value} or {@link Array}: Python's {@code array}/{@code ctypes}
 * type codes, each with the Java type its values have.
 *
 * <table>
 * <caption>Type codes</caption>
 * <tr><th>Code</th><th>Constant</th><th>C type</th><th>Bytes</th><th>Java values</th></tr>
 * <tr><td>{@code c}</td><td>{@link #CHAR}</td><td>char</td><td>1</td><td>{@code Byte} (Python's {@code b'a'})</td></tr>
 * <tr><td>{@code u}</td><td>{@link #WCHAR}</td><td>wchar_t</td><td>2</td><td>{@code Character}</td></tr>
 * <tr><td>{@code b}</td><td>{@link #BYTE}</td><td>signed char</td><td>1</td><td>{@code Byte}</td></tr>
 * <tr><td>{@code B}</td><td>{@link #UBYTE}</td><td>unsigned char</td><td>1</td><td>{@code Integer}, 0 to 255</td></tr>
 * <tr><td>{@code h}</td><td>{@link #SHORT}</td><td>short</td><td>2</td><td>{@code Short}</td></tr>
 * <tr><td>{@code H}</td><td>{@link #USHORT}</td><td>unsigned short</td><td>2</td><td>{@code Integer}, 0 to 65535</td></tr>
 * <tr><td>{@code i}</td><td>{@link #INT}</td><td>int</td><td>4</td><td>{@code Integer}</td></tr>
 * <tr><td>{@code I}</td><td>{@link #UINT}</td><td>unsigned int</td><td>4</td><td>{@code Long}, 0 to 2<sup>32</sup>-1</td></tr>
 * <tr><td>{@code l}</td><td>{@link #LONG}</td><td>long</td><td>8</td><td>{@code Long}</td></tr>
 * <tr><td>{@code L}</td><td>{@link #ULONG}</td><td>unsigned long</td><td>8</td><td>{@code Long}, its 64 bits read as unsigned ({@link Long#toUnsignedString})</td></tr>
 * <tr><td>{@code q}</td><td>{@link #LONGLONG}</td><td>long long</td><td>8</td><td>{@code Long}</td></tr>
 * <tr><td>{@code Q}</td><td>{@link #ULONGLONG}</td><td>unsigned long long</td><td>8</td><td>{@code Long}, read as {@code L}'s</td></tr>
 * <tr><td>{@code f}</td><td>{@link #FLOAT}</td><td>float</td><td>4</td><td>{@code Float}</td></tr>
 * <tr><td>{@code d}</td><td>{@link #DOUBLE}</td><td>double</td><td>8</td><td>{@code Double}</td></tr>
 * <tr><td>{@code ?}</td><td>{@link #BOOLEAN}</td><td>_Bool</td><td>1</td><td>{@code Boolean}</td></tr>
 * </table>
 *
 * <p>A value written is stored as its C type stores it: an unsigned value out of range wraps
 * (256 is stored as 0), as in Python's ctypes.
 *
 * <p>A type code is a value: its letter, size and Java type. Only the fifteen codes above exist;
 * the constructor refuses any other combination, so {@code new TypeCode<>('i', 4, Integer.class)}
 * equals {@link #INT}.
 *
 * @param code the letter, as Python spells it
 * @param byteSize the bytes one value takes in an {@link Array}
 * @param type the Java type of the values
 * @param <T> the Java type of the values
 */
public record TypeCode<T>(char code, int byteSize, Class<T> type) {
    /** {@code 'c'}: one byte, a character of a byte string. */
    public static final TypeCode<Byte> CHAR = new TypeCode<>('c', 1, Byte.class);
    /** {@code 'u'}: a UTF-16 character. */
    public static final TypeCode<Character> WCHAR = new TypeCode<>('u', 2, Character.class);
    /** {@code 'b'}: a signed byte. */
    public static final TypeCode<Byte> BYTE = new TypeCode<>('b', 1, Byte.class);
    /** {@code 'B'}: an unsigned byte. */
    public static final TypeCode<Integer> UBYTE = new TypeCode<>('B', 1, Integer.class);
    /** {@code 'h'}: a signed 16-bit integer. */
    public static final TypeCode<Short> SHORT = new TypeCode<>('h', 2, Short.class);
    /** {@code 'H'}: an unsigned 16-bit integer. */
    public static final TypeCode<Integer> USHORT = new TypeCode<>('H', 2, Integer.class);
    /** {@code 'i'}: a signed 32-bit integer. */
    public static final TypeCode<Integer> INT = new TypeCode<>('i', 4, Integer.class);
    /** {@code 'I'}: an unsigned 32-bit integer. */
    public static final TypeCode<Long> UINT = new TypeCode<>('I', 4, Long.class);
    /** {@code 'l'}: a signed 64-bit integer (C's long on 64-bit Linux). */
    public static final TypeCode<Long> LONG = new TypeCode<>('l', 8, Long.class);
    /** {@code 'L'}: an unsigned 64-bit integer. */
    public static final TypeCode<Long> ULONG = new TypeCode<>('L', 8, Long.class);
    /** {@code 'q'}: a signed 64-bit integer (C's long long). */
    public static final TypeCode<Long> LONGLONG = new TypeCode<>('q', 8, Long.class);
    /** {@code 'Q'}: an unsigned 64-bit integer (C's unsigned long long). */
    public static final TypeCode<Long> ULONGLONG = new TypeCode<>('Q', 8, Long.class);
    /** {@code 'f'}: a 32-bit float. */
    public static final TypeCode<Float> FLOAT = new TypeCode<>('f', 4, Float.class);
    /** {@code 'd'}: a 64-bit double. */
    public static final TypeCode<Double> DOUBLE = new TypeCode<>('d', 8, Double.class);
    /** {@code '?'}: a boolean. */
    public static final TypeCode<Boolean> BOOLEAN = new TypeCode<>('?', 1, Boolean.class);

    private static final Map<Character, TypeCode<?>> BY_CODE = Map.ofEntries(
            Map.entry('c', CHAR), Map.entry('u', WCHAR), Map.entry('b', BYTE), Map.entry('B', UBYTE),
            Map.entry('h', SHORT), Map.entry('H', USHORT), Map.entry('i', INT), Map.entry('I', UINT),
            Map.entry('l', LONG), Map.entry('L', ULONG), Map.entry('q', LONGLONG), Map.entry('Q', ULONGLONG),
            Map.entry('f', FLOAT), Map.entry('d', DOUBLE), Map.entry('?', BOOLEAN));

    /**
     * The type code of that letter, size and Java type.
     *
     * @throws IllegalArgumentException unless they are one of the codes in the table above
     */
    public TypeCode {
        Objects.requireNonNull(type, "type");
        String expected = switch (code) {
            case 'c', 'b' -> "1 Byte";
            case 'u' -> "2 Character";
            case 'B' -> "1 Integer";
            case 'h' -> "2 Short";
            case 'H', 'i' -> (code == 'H' ? 2 : 4) + " Integer";
            case 'I' -> "4 Long";
            case 'l', 'L', 'q', 'Q' -> "8 Long";
            case 'f' -> "4 Float";
            case 'd' -> "8 Double";
            case '?' -> "1 Boolean";
            default -> throw new IllegalArgumentException("no type code '" + code + "' (c u b B h H i I l L q Q f d ?)");
        };
        if (!expected.equals(byteSize + " " + type.getSimpleName()) || !type.getPackageName().equals("java.lang")) {
            throw new IllegalArgumentException("type code '" + code + "' is " + expected + ", not " + byteSize + " "
                    + type.getName());
        }
    }

    /**
     * The type code {@code code} names, as Python spells it ({@code 'i'}, {@code 'd'}, …), typed
     * as the call needs, so {@code ctx.value(TypeCode.of('i'), 0)} reads as Python's
     * {@code Value('i', 0)}. {@code T} must be the code's Java type (the table above): a value or
     * array made with another fails at its making with a {@link ClassCastException}.
     *
     * @throws IllegalArgumentException if it names none
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeCode<T> of(char code) {
        TypeCode<?> found = BY_CODE.get(code);
        if (found == null) {
            throw new IllegalArgumentException("no type code '" + code + "' (c u b B h H i I l L q Q f d ?)");
        }
        return (TypeCode<T>) found;
    }

    /** Whether its values are numbers that {@link Value#addAndGet} can add to. */
    public boolean isNumeric() {
        return code != 'u' && code != '?';
    }

    /** {@code value} checked to be of this code's Java type. */
    public T cast(Object value) {
        return type.cast(Objects.requireNonNull(value, "a shared value cannot be null"));
    }

    @Override
    public String toString() {
        return "'" + code + "'";
    }
}
