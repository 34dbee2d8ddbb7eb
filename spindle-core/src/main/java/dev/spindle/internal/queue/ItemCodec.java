package dev.spindle.internal.queue;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.internal.codec.Codec;
import java.util.Objects;

/** How a cross-process queue's items are encoded at {@code put} and decoded at {@code get}, under the queue's item limit. */
final class ItemCodec {
    private final ReadLimits limits;

    ItemCodec(int maxItemBytes) {
        this.limits = ReadLimits.defaults().withMaxBytes(Math.max(1, maxItemBytes));
    }

    /**
     * Encodes {@code item} now, in the caller's thread.
     *
     * @throws NullPointerException if it is null (a BlockingQueue refuses nulls)
     * @throws IllegalArgumentException if it cannot be encoded, naming the class and the field path that failed
     */
    byte[] encode(Object item) {
        Objects.requireNonNull(item, "a queue refuses null items (put a sentinel value of your own)");
        try {
            return Codec.get().encode(item);
        } catch (SerializationException e) {
            throw new IllegalArgumentException("cannot put the item in a queue shared by processes: " + e.getMessage(), e);
        }
    }

    /** Decodes an item taken from the queue. */
    Object decode(byte[] bytes) {
        return Codec.get().decode(bytes, limits);
    }
}
