package dev.spindle.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for lists of small values — what pools send as chunks of arguments and results.
 * An {@link ArrayList} (exactly that class, so the decoded list is the same kind) whose elements
 * are null, Integer, Long, String, byte[] or such lists again is written as a count and tagged
 * elements, with no stream header and no class descriptors; anything else goes the slow way.
 */
final class ListCodec {
    static final byte NULL = 0;
    static final byte INT = 1;
    static final byte LONG = 2;
    static final byte STRING = 3;
    static final byte BYTES = 4;
    static final byte LIST = 6;
    private static final int MAX_DEPTH = 8;

    private ListCodec() {}

    /** True if {@code value} is an ArrayList that this fast path can carry whole. */
    static boolean fits(Object value) {
        return value instanceof ArrayList<?> list && fits(list, 0);
    }

    private static boolean fits(ArrayList<?> list, int depth) {
        if (list.getClass() != ArrayList.class || depth > MAX_DEPTH) {
            return false;
        }
        for (Object element : list) {
            boolean plain = element == null || element instanceof Integer || element instanceof Long
                    || element instanceof String || element instanceof byte[];
            if (!plain && !(element instanceof ArrayList<?> inner && fits(inner, depth + 1))) {
                return false;
            }
        }
        return true;
    }

    /** Writes a list that {@link #fits}, starting with its {@link #LIST} tag. */
    static byte[] encode(List<?> list) {
        Growable out = new Growable(16 + list.size() * 6);
        writeList(list, out);
        return out.toByteArray();
    }

    private static void writeList(List<?> list, Growable out) {
        out.put(LIST).putInt(list.size());
        for (Object element : list) {
            switch (element) {
                case null -> out.put(NULL);
                case Integer i -> out.put(INT).putInt(i);
                case Long l -> out.put(LONG).putLong(l);
                case String s -> putBytes(out.put(STRING), s.getBytes(StandardCharsets.UTF_8));
                case byte[] b -> putBytes(out.put(BYTES), b);
                case List<?> inner -> writeList(inner, out);
                default -> throw new IllegalStateException("checked by fits: " + element.getClass());
            }
        }
    }

    private static void putBytes(Growable out, byte[] bytes) {
        out.putInt(bytes.length).put(bytes);
    }

    /** Reads a list written by {@link #encode}; {@code in} is positioned after the tag. */
    static ArrayList<Object> decode(ByteBuffer in) {
        int size = in.getInt();
        if (size < 0 || size > in.remaining()) {
            throw new IllegalArgumentException("bad list size " + size);
        }
        ArrayList<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte tag = in.get();
            list.add(switch (tag) {
                case NULL -> null;
                case INT -> in.getInt();
                case LONG -> in.getLong();
                case STRING -> new String(getBytes(in), StandardCharsets.UTF_8);
                case BYTES -> getBytes(in);
                case LIST -> decode(in);
                default -> throw new IllegalArgumentException("unknown list element tag " + tag);
            });
        }
        return list;
    }

    private static byte[] getBytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
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
