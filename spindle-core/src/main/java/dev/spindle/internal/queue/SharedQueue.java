package dev.spindle.internal.queue;

import dev.spindle.internal.shm.ObjectSegment;
import dev.spindle.internal.shm.SegmentHeader;
import java.util.function.Function;

/**
 * A {@link dev.spindle.queue.Queue} in shared memory, for threads of every process that holds it (Python's
 * {@code multiprocessing.Queue}): items are copied into an {@link ItemRing}; there is no feeder
 * thread.
 *
 * <p>Lifetime: {@link ObjectSegment}'s — the process that made it owns it, as the sync
 * primitives'. Copies elsewhere keep working while it lives; after its owner is gone, a process
 * that already holds the queue keeps what is in the ring, but items too large for the ring went
 * with the owner.
 *
 * @param <T> the type of the items
 */
public class SharedQueue<T> extends StoredQueue<T> {
    static {
        ObjectSegment.register(SharedQueue.class, QueueLayout.QUEUE, SharedQueue::new, queue -> queue.segment);
    }

    /** Bytes of a queue's ring: items above half of it travel in a segment of their own. */
    static final int RING_BYTES = 4 << 20;

    private final ObjectSegment segment;

    SharedQueue(ObjectSegment segment) {
        super(new ItemRing(segment.memory(), segment.name()));
        this.segment = segment;
    }

    /**
     * A new queue of at most {@code maxsize} items (0: no limit) and items of at most
     * {@code maxItemBytes} encoded bytes, owned by this process.
     *
     * @throws IllegalArgumentException if either is negative
     */
    public static <T> SharedQueue<T> create(int maxsize, int maxItemBytes) {
        return create(QueueLayout.QUEUE, maxsize, maxItemBytes, SharedQueue::new);
    }

    static <Q> Q create(SegmentHeader header, int maxsize, int maxItemBytes,
            Function<ObjectSegment, Q> make) {
        if (maxsize < 0) {
            throw new IllegalArgumentException("maxsize must be 0 (no limit) or more, not " + maxsize);
        }
        if (maxItemBytes < 0) {
            throw new IllegalArgumentException("maxItemBytes must be 0 or more, not " + maxItemBytes);
        }
        return ObjectSegment.create(header, QueueLayout.RING + RING_BYTES + FastLaneLayout.slotsBytes(),
                memory -> QueueLayout.initialize(memory, RING_BYTES, maxsize, maxItemBytes), make);
    }

    final ObjectSegment segment() {
        return segment;
    }

    @Override
    protected String where() {
        return "shared by processes";
    }
}
