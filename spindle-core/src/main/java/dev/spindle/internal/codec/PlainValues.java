package dev.spindle.internal.codec;

import java.lang.invoke.SerializedLambda;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for the plain values that dominate messages — a pool's arguments and results, and
 * the chunks of them it sends, a child's target: null, Integer, Long, Boolean, Double, String,
 * byte[], {@link ArrayList}s (exactly that class, so the decoded list is the same kind) of such
 * values, and serializable lambdas capturing such values (see {@link SerializableLambdas}).
 * Each is written as a one-byte tag and its bytes, with no stream header and no class
 * descriptors; anything else goes the slow way (the {@link #SERIALIZED} tag, never written here).
 */
final class PlainValues {
    static final byte NULL = 0;
    static final byte INT = 1;
    static final byte LONG = 2;
    static final byte STRING = 3;
    static final byte BYTES = 4;
    /** Java serialization follows; used by the codec for what this fast path cannot carry. */
    static final byte SERIALIZED = 5;
    static final byte LIST = 6;
    static final byte TRUE = 7;
    static final byte FALSE = 8;
    static final byte DOUBLE = 9;
    static final byte LAMBDA = 10;
    /** An ArrayList of Integers only (a map's chunk of ints, or its results): the ints, untagged. */
    static final byte INT_LIST = 11;
    private static final int MAX_DEPTH = 8;

    private PlainValues() {}

    /** The value's encoding, starting with its tag, if this fast path can carry it whole; else null. */
    static byte[] tryEncode(Object value) {
        Growable out = new Growable(value instanceof List<?> list ? 16 + list.size() * 6 : 16);
        return write(value, out, 0) ? out.toByteArray() : null;
    }

    /** Writes {@code value}; false, with {@code out} left half written, if it is not plain. */
    private static boolean write(Object value, Growable out, int depth) {
        switch (value) {
            case null -> out.put(NULL);
            case Integer i -> out.put(INT).putInt(i);
            case Long l -> out.put(LONG).putLong(l);
            case Boolean b -> out.put(b ? TRUE : FALSE);
            case Double d -> out.put(DOUBLE).putLong(Double.doubleToRawLongBits(d));
            case String s -> putBytes(out.put(STRING), s.getBytes(StandardCharsets.UTF_8));
            case byte[] b -> putBytes(out.put(BYTES), b);
            case ArrayList<?> list when list.getClass() == ArrayList.class && depth <= MAX_DEPTH && onlyIntegers(list) -> {
                out.put(INT_LIST).putInt(list.size()).room(list.size() * Integer.BYTES);
                for (Object element : list) {
                    out.buffer.putInt((Integer) element);
                }
            }
            case ArrayList<?> list when list.getClass() == ArrayList.class && depth <= MAX_DEPTH -> {
                out.put(LIST).putInt(list.size());
                for (Object element : list) {
                    if (!write(element, out, depth + 1)) {
                        return false;
                    }
                }
            }
            default -> {
                SerializedLambda lambda = depth <= MAX_DEPTH ? SerializableLambdas.describe(value) : null;
                return lambda != null && writeLambda(lambda, out, depth);
            }
        }
        return true;
    }

    private static boolean onlyIntegers(ArrayList<?> list) {
        if (list.isEmpty()) {
            return false;
        }
        for (Object element : list) {
            if (!(element instanceof Integer)) {
                return false;
            }
        }
        return true;
    }

    private static boolean writeLambda(SerializedLambda lambda, Growable out, int depth) {
        out.put(LAMBDA);
        for (String part : List.of(lambda.getCapturingClass(), lambda.getFunctionalInterfaceClass(),
                lambda.getFunctionalInterfaceMethodName(), lambda.getFunctionalInterfaceMethodSignature(),
                lambda.getImplClass(), lambda.getImplMethodName(), lambda.getImplMethodSignature(),
                lambda.getInstantiatedMethodType())) {
            putBytes(out, part.getBytes(StandardCharsets.UTF_8));
        }
        out.putInt(lambda.getImplMethodKind()).putInt(lambda.getCapturedArgCount());
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            if (!write(lambda.getCapturedArg(i), out, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static void putBytes(Growable out, byte[] bytes) {
        out.putInt(bytes.length).put(bytes);
    }

    /**
     * Reads one value written by {@link #tryEncode}, tag first, under {@code filter}'s depth and
     * class policy; bad bytes throw a RuntimeException.
     */
    static Object decode(ByteBuffer in, ReadFilter filter) {
        return decode(in, filter, 1);
    }

    private static Object decode(ByteBuffer in, ReadFilter filter, int depth) {
        if (depth > MAX_DEPTH + 1) {
            throw new IllegalArgumentException("plain values nested deeper than " + MAX_DEPTH); // the writer never nests deeper
        }
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case INT -> in.getInt();
            case LONG -> in.getLong();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case DOUBLE -> Double.longBitsToDouble(in.getLong());
            case STRING -> new String(getBytes(in), StandardCharsets.UTF_8);
            case BYTES -> getBytes(in);
            case LIST -> decodeList(in, filter, depth);
            case INT_LIST -> decodeIntList(in);
            case LAMBDA -> decodeLambda(in, filter, depth);
            default -> throw new IllegalArgumentException("unknown codec tag " + tag);
        };
    }

    private static Object decodeLambda(ByteBuffer in, ReadFilter filter, int depth) {
        String[] parts = new String[8];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new String(getBytes(in), StandardCharsets.UTF_8);
        }
        int kind = in.getInt();
        int count = in.getInt();
        if (count < 0 || count > in.remaining()) {
            throw new IllegalArgumentException("bad captured argument count " + count);
        }
        Object[] captured = new Object[count];
        for (int i = 0; i < count; i++) {
            captured[i] = decode(in, filter, depth + 1);
        }
        Class<?> capturing = SerializableLambdas.capturingClass(parts[0]);
        filter.checkClass(capturing);
        SerializedLambda lambda = new SerializedLambda(capturing, parts[1], parts[2], parts[3], kind,
                parts[4], parts[5], parts[6], parts[7], captured);
        return SerializableLambdas.resolve(lambda, capturing);
    }

    private static ArrayList<Object> decodeList(ByteBuffer in, ReadFilter filter, int depth) {
        int size = in.getInt();
        if (size < 0 || size > in.remaining()) {
            throw new IllegalArgumentException("bad list size " + size);
        }
        ArrayList<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(decode(in, filter, depth + 1));
        }
        return list;
    }

    private static ArrayList<Object> decodeIntList(ByteBuffer in) {
        int size = in.getInt();
        if (size < 0 || size > in.remaining() / Integer.BYTES) {
            throw new IllegalArgumentException("bad list size " + size);
        }
        ArrayList<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(in.getInt());
        }
        return list;
    }

    private static byte[] getBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad length " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A byte buffer that grows; big-endian like {@link ByteBuffer}. */
    private static final class Growable {
        private ByteBuffer buffer;

        Growable(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }

        private Growable room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                buffer = bigger.put(buffer.flip());
            }
            return this;
        }

        Growable put(byte b) {
            room(1).buffer.put(b);
            return this;
        }

        Growable put(byte[] b) {
            room(b.length).buffer.put(b);
            return this;
        }

        Growable putInt(int i) {
            room(4).buffer.putInt(i);
            return this;
        }

        Growable putLong(long l) {
            room(8).buffer.putLong(l);
            return this;
        }

        byte[] toByteArray() {
            byte[] out = new byte[buffer.position()];
            buffer.get(0, out);
            return out;
        }
    }
}
