package dev.spindle.internal.queue;

import dev.spindle.internal.shm.SharedSegment;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * An item too large for its queue's ring, in a segment of its own made beside the queue's
 * ({@link SharedSegment#createBeside}): it belongs to the queue's owner, so the producer may exit
 * as soon as it is put; the consumer that takes it removes it, and the owner removes what is left
 * when the queue goes (what a consumer killed after taking it did not get to remove, say). The
 * ring carries its name.
 */
final class SpilledItem {
    private static final String KIND = "item";

    private SpilledItem() {}

    /** Writes {@code bytes} into a new segment beside {@code queueName}; returns its name, as the ring carries it. */
    static byte[] write(String queueName, byte[] bytes) {
        try (SharedSegment segment = SharedSegment.createBeside(queueName, KIND, Math.max(1, bytes.length))) {
            MemorySegment.copy(bytes, 0, segment.memory(), ValueLayout.JAVA_BYTE, 0, bytes.length);
            return segment.name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Removes the item {@code reference} names, as {@link #write} gave it: for a put that failed after writing it. */
    static void discard(String queueName, byte[] reference) {
        SharedSegment.unlink(name(queueName, reference));
    }

    /** The bytes of the item {@code reference} names, {@code length} of them; with {@code remove}, its segment goes. */
    static byte[] read(String queueName, byte[] reference, int length, boolean remove) {
        try (SharedSegment segment = SharedSegment.open(name(queueName, reference))) {
            if (segment.memory().byteSize() < length) {
                throw new IllegalStateException("a queue item's segment holds " + segment.memory().byteSize()
                        + " bytes, not " + length);
            }
            byte[] bytes = segment.memory().asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
            if (remove) {
                segment.unlink();
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("a large queue item is gone: its segment was removed (the process that"
                    + " made the queue ended, and with it the items held beside it)", e);
        }
    }

    /** True if {@code reference} names a segment beside {@code queueName}, as {@link #write} gives it. */
    static boolean namesOneBeside(String queueName, byte[] reference) {
        String name = new String(reference, StandardCharsets.US_ASCII);
        return name.startsWith(queueName + "-" + KIND + "-") && name.indexOf('/') < 0;
    }

    /** The segment name {@code reference} carries, checked to be one beside {@code queueName}. */
    private static String name(String queueName, byte[] reference) {
        if (!namesOneBeside(queueName, reference)) {
            throw new IllegalStateException("a queue item names a segment outside its queue: "
                    + new String(reference, StandardCharsets.US_ASCII));
        }
        return new String(reference, StandardCharsets.US_ASCII);
    }
}
