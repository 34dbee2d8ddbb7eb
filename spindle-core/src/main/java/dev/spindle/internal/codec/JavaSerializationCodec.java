package dev.spindle.internal.codec;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.internal.travel.Journey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;

/**
 * JDK serialization, which handles serializable lambdas and method references natively (no JVM
 * flag), behind a fast path for the plain values that dominate messages (null, numbers, booleans,
 * strings, byte[], ArrayLists of them and lambdas capturing them — see {@link PlainValues}): those
 * skip the stream header and class descriptors, and a fresh JVM the streams' set-up. Paths of the
 * default file system are carried too (see {@link CodecStreams}).
 */
final class JavaSerializationCodec implements Codec {
    static final JavaSerializationCodec INSTANCE = new JavaSerializationCodec();

    @Override
    public byte[] encode(Object value) {
        byte[] plain = PlainValues.tryEncode(value);
        return plain != null ? plain : Journey.toAnyReader(() -> serialize(value));
    }

    @Override
    public byte[] encodePlainly(Object value) {
        return PlainValues.tryEncode(value);
    }

    @Override
    public Object decode(byte[] bytes, int offset, int length, ReadLimits limits) {
        if (length < 1) {
            throw new SerializationException("empty message", null);
        }
        if (length > limits.maxBytes()) {
            throw new SerializationException("a value of " + length + " bytes is larger than maxBytes " + limits.maxBytes()
                    + " (see ReadLimits)", null);
        }
        ReadFilter filter = new ReadFilter(limits, length);
        if (bytes[offset] == PlainValues.SERIALIZED) {
            return deserialize(bytes, offset + 1, length - 1, filter);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        try {
            Object value = PlainValues.decode(in, filter);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the value");
            }
            return value;
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("cannot decode: " + e, e);
        }
    }

    private static byte[] serialize(Object value) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        buffer.write(PlainValues.SERIALIZED);
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

    private static Object deserialize(byte[] bytes, int offset, int length, ReadFilter filter) {
        JvmSerialFilter.userCodeStarts(); // the classes read may run code of their own (readObject)
        try (ObjectInputStream in = new CodecStreams.Input(new ByteArrayInputStream(bytes, offset, length))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            String refusal = filter.refusal();
            throw new SerializationException("cannot deserialize: " + (refusal != null ? refusal + " (see ReadLimits)" : e), e);
        } catch (StackOverflowError e) {
            // Deeper than this thread's stack before maxDepth: the value is refused, the reader lives.
            throw new SerializationException("cannot deserialize: nesting too deep for this thread's stack; lower ReadLimits.maxDepth", e);
        }
    }
}
