package dev.spindle.internal.codec;

import dev.spindle.SerializationException;

/**
 * The one codec for everything that crosses between processes: targets, arguments, results,
 * messages. One implementation is chosen by measurement and kept behind this interface.
 */
public interface Codec {

    /** The codec in use. */
    static Codec get() {
        return JavaSerializationCodec.INSTANCE;
    }

    /**
     * Encodes {@code value}.
     *
     * @throws SerializationException naming the class that cannot be encoded and its field path
     */
    byte[] encode(Object value);

    /**
     * Decodes what {@link #encode} produced.
     *
     * @throws SerializationException when the bytes cannot be decoded here (a class missing, say)
     */
    Object decode(byte[] bytes, int offset, int length);

    /**
     * Encodes {@code value} if it takes the fast path for plain values, without Java
     * serialization; else returns null (and {@link #encode} would use Java serialization).
     */
    byte[] encodePlainly(Object value);

    /** Decodes a whole array. */
    default Object decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }
}
