package dev.spindle.internal.pool;

import dev.spindle.internal.codec.Codec;
import java.nio.ByteBuffer;

/**
 * The functions a process pool has encoded. A method reference or non-capturing lambda is the
 * same object each time, so it is encoded once per pool and sent once per worker; a capturing
 * lambda is a new object per call and is encoded each time. Functions are keyed by
 * {@code equals} (identity for lambdas), so a function object must not change after it was
 * submitted.
 */
final class FunctionTable {
    /** A function's id in this pool and its encoded form. */
    record Entry(int id, byte[] bytes) {}

    private final Lru<Object, Entry> entries = new Lru<>(Lru.FUNCTIONS_PER_WORKER);
    private int nextId = 1;

    /**
     * The entry for {@code function}, encoding it if needed.
     *
     * @throws dev.spindle.SerializationException if it cannot be encoded
     */
    synchronized Entry entryFor(Object function) {
        Entry entry = entries.get(function);
        if (entry == null) {
            entry = new Entry(nextId++, Codec.get().encode(function));
            entries.put(function, entry);
        }
        return entry;
    }

    /**
     * The entry for a function that came encoded (a cluster client's): the same bytes get the
     * same id, so each worker decodes a function once however many tasks bring it.
     */
    synchronized Entry entryForEncoded(byte[] bytes) {
        ByteBuffer key = ByteBuffer.wrap(bytes); // equal by content
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(nextId++, bytes);
            entries.put(key, entry);
        }
        return entry;
    }
}
