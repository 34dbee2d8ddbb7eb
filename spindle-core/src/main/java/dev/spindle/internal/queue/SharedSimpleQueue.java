package dev.spindle.internal.queue;

import dev.spindle.ReadLimits;
import dev.spindle.internal.shm.ObjectSegment;
import dev.spindle.internal.waits.Uninterruptibly;
import dev.spindle.internal.waits.Waits;
import dev.spindle.queue.SimpleQueue;

/**
 * A {@link SimpleQueue} in shared memory (Python's {@code multiprocessing.SimpleQueue}): an
 * unbounded {@link ItemRing}, items encoded at {@code put}. Lifetime as {@link SharedQueue}'s.
 *
 * @param <T> the type of the items
 */
public final class SharedSimpleQueue<T> implements SimpleQueue<T> {
    static {
        ObjectSegment.register(SharedSimpleQueue.class, QueueLayout.SIMPLE, SharedSimpleQueue::new,
                queue -> queue.segment);
    }

    private final ObjectSegment segment;
    private final ItemRing ring;
    private final ItemCodec codec;
    private final Closing closing = new Closing("this queue is closed in this process");

    private SharedSimpleQueue(ObjectSegment segment) {
        this.segment = segment;
        this.ring = new ItemRing(segment.memory(), segment.name());
        this.codec = new ItemCodec(ring.maxItemBytes());
    }

    /** A new simple queue, owned by this process. */
    public static <T> SharedSimpleQueue<T> create() {
        return SharedQueue.create(QueueLayout.SIMPLE, 0, ReadLimits.defaults().maxBytes(), SharedSimpleQueue::new);
    }

    @Override
    public void put(T item) {
        closing.checkOpen();
        byte[] bytes = codec.encode(item);
        // Unbounded, as Python's: it waits only while the ring is full of items being taken, and not for an interrupt.
        Uninterruptibly.await(() -> ring.put(bytes, Waits.NO_DEADLINE));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() throws InterruptedException {
        closing.checkOpen();
        return (T) codec.decode(ring.take(Waits.NO_DEADLINE));
    }

    @Override
    public boolean empty() {
        return !ring.hasItem();
    }

    @Override
    public void close() {
        closing.close();
    }

    @Override
    public String toString() {
        return "SimpleQueue[" + ring.size() + " items, shared by processes]";
    }
}
