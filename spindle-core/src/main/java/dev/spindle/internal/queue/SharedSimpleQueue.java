package dev.spindle.internal.queue;

import dev.spindle.ReadLimits;
import dev.spindle.internal.shm.ObjectSegment;

/**
 * A {@link dev.spindle.queue.SimpleQueue} in shared memory (Python's
 * {@code multiprocessing.SimpleQueue}): an unbounded {@link ItemRing}. Lifetime as
 * {@link SharedQueue}'s.
 *
 * @param <T> the type of the items
 */
public final class SharedSimpleQueue<T> extends StoredSimpleQueue<T> {
    static {
        ObjectSegment.register(SharedSimpleQueue.class, QueueLayout.SIMPLE, SharedSimpleQueue::new,
                queue -> queue.segment);
    }

    private final ObjectSegment segment;

    private SharedSimpleQueue(ObjectSegment segment) {
        super(new ItemRing(segment.memory(), segment.name()));
        this.segment = segment;
    }

    /** A new simple queue, owned by this process. */
    public static <T> SharedSimpleQueue<T> create() {
        return SharedQueue.create(QueueLayout.SIMPLE, 0, ReadLimits.defaults().maxBytes(), SharedSimpleQueue::new);
    }

    @Override
    protected String where() {
        return "shared by processes";
    }
}
