package dev.spindle.internal.codec;

import dev.spindle.SerializationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * JDK serialization, which handles serializable lambdas and method references natively (no JVM
 * flag), with a one-byte-tag fast path for the small immutable values that dominate messages
 * (null, Integer, Long, String, byte[], and ArrayLists of them — see {@link ListCodec}): those skip the stream header and class descriptors.
 * Paths of the default file system are carried too (see {@link CodecStreams}).
 */
final class JavaSerializationCodec implements Codec {
    static final JavaSerializationCodec INSTANCE = new JavaSerializationCodec();

    private static final byte NULL = 0;
    private static final byte INT = 1;
    private static final byte LONG = 2;
    private static final byte STRING = 3;
    private static final byte BYTES = 4;
    private static final byte SERIALIZED = 5;
    private static final byte LIST = ListCodec.LIST;

    @Override
    public byte[] encode(Object value) {
        return switch (value) {
            case null -> new byte[] {NULL};
            case Integer i -> putLong(new byte[5], INT, i, 4);
            case Long l -> putLong(new byte[9], LONG, l, 8);
            case String s -> tagged(STRING, s.getBytes(StandardCharsets.UTF_8));
            case byte[] b -> tagged(BYTES, b);
            case ArrayList<?> list when ListCodec.fits(list) -> ListCodec.encode(list);
            default -> serialize(value);
        };
    }

    @Override
    public Object decode(byte[] bytes, int offset, int length) {
        if (length < 1) {
            throw new SerializationException("empty message", null);
        }
        int body = offset + 1;
        return switch (bytes[offset]) {
            case NULL -> null;
            case INT -> (int) getLong(bytes, body, 4);
            case LONG -> getLong(bytes, body, 8);
            case STRING -> new String(bytes, body, length - 1, StandardCharsets.UTF_8);
            case BYTES -> Arrays.copyOfRange(bytes, body, offset + length);
            case SERIALIZED -> deserialize(bytes, body, length - 1);
            case LIST -> decodeList(bytes, body, length - 1);
            default -> throw new SerializationException("unknown codec tag " + bytes[offset], null);
        };
    }

    private static Object decodeList(byte[] bytes, int offset, int length) {
        try {
            return ListCodec.decode(ByteBuffer.wrap(bytes, offset, length));
        } catch (RuntimeException e) {
            throw new SerializationException("cannot decode a list: " + e, e);
        }
    }

    private static byte[] tagged(byte tag, byte[] payload) {
        byte[] out = new byte[payload.length + 1];
        out[0] = tag;
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    private static byte[] putLong(byte[] out, byte tag, long value, int width) {
        out[0] = tag;
        for (int i = 0; i < width; i++) {
            out[1 + i] = (byte) (value >>> (8 * (width - 1 - i)));
        }
        return out;
    }

    private static long getLong(byte[] in, int offset, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (in[offset + i] & 0xFF);
        }
        return width == 4 ? (int) value : value;
    }

    private static byte[] serialize(Object value) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        buffer.write(SERIALIZED);
        try (ObjectOutputStream out = new CodecStreams.Output(buffer)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            // The JDK's message is the refused class's name; ours are sentences.
            String what = e.getMessage() != null && !e.getMessage().contains(" ")
                    ? e.getMessage() + " is not serializable" + SerializationDiagnostics.pathTo(value, e.getMessage())
                    : e.getMessage();
            throw new SerializationException("cannot serialize " + value.getClass().getName() + ": " + what, e);
        } catch (SerializationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + value.getClass().getName() + ": " + e, e);
        }
        return buffer.toByteArray();
    }

    private static Object deserialize(byte[] bytes, int offset, int length) {
        try (ObjectInputStream in = new CodecStreams.Input(new ByteArrayInputStream(bytes, offset, length))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new SerializationException("cannot deserialize: " + e, e);
        }
    }
}
