package dev.spindle.internal.codec;

import dev.spindle.ReadLimits;
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
     * Decodes what {@link #encode} produced, under {@code limits}.
     *
     * @throws SerializationException when the bytes cannot be decoded here (a class missing, say),
     *                                are not a value, or break a limit; nothing beyond the
     *                                limits is allocated
     */
    Object decode(byte[] bytes, int offset, int length, ReadLimits limits);

    /**
     * Encodes {@code value} if it takes the fast path for plain values, without Java
     * serialization; else returns null (and {@link #encode} would use Java serialization).
     */
    byte[] encodePlainly(Object value);

    /** Decodes a whole array under {@code limits}. */
    default Object decode(byte[] bytes, ReadLimits limits) {
        return decode(bytes, 0, bytes.length, limits);
    }

    /** Decodes a whole array under {@link ReadLimits#defaults()}. */
    default Object decode(byte[] bytes) {
        return decode(bytes, ReadLimits.defaults());
    }
}
