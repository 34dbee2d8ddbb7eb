package dev.spindle.internal.queue;

import dev.spindle.internal.shm.ObjectSegment;
import dev.spindle.internal.shm.SegmentHeader;
import dev.spindle.internal.waits.Uninterruptibly;
import dev.spindle.internal.waits.Waits;
import dev.spindle.queue.Queue;
import dev.spindle.queue.ShutDown;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A {@link Queue} in shared memory, for threads of every process that holds it (Python's
 * {@code multiprocessing.Queue}): items are encoded at {@code put} and copied into an
 * {@link ItemRing}; there is no feeder thread. Its {@link #shutdown(boolean) shutdown} is
 * {@code queue.Queue}'s (Python 3.13), for every process that holds the queue.
 *
 * <p>Lifetime: {@link ObjectSegment}'s — the process that made it owns it, as the sync
 * primitives'. Copies elsewhere keep working while it lives; after its owner is gone, a process
 * that already holds the queue keeps what is in the ring, but items too large for the ring went
 * with the owner.
 *
 * @param <T> the type of the items
 */
public class SharedQueue<T> extends AbstractQueue<T> implements Queue<T> {
    static {
        ObjectSegment.register(SharedQueue.class, QueueLayout.QUEUE, SharedQueue::new, queue -> queue.segment);
    }

    /** Bytes of a queue's ring: items above half of it travel in a segment of their own. */
    static final int RING_BYTES = 4 << 20;

    private final ObjectSegment segment;
    final ItemRing ring;
    private final ItemCodec codec;
    private final Closing closing = new Closing("this queue is closed in this process");

    SharedQueue(ObjectSegment segment) {
        this.segment = segment;
        this.ring = new ItemRing(segment.memory(), segment.name());
        this.codec = new ItemCodec(ring.maxItemBytes());
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
        return ObjectSegment.create(header, QueueLayout.RING + RING_BYTES,
                memory -> QueueLayout.initialize(memory, RING_BYTES, maxsize, maxItemBytes), make);
    }

    final ObjectSegment segment() {
        return segment;
    }

    @Override
    public int maxsize() {
        return ring.maxsize();
    }

    @Override
    public boolean offer(T item) {
        byte[] bytes = encode(item);
        try {
            return ring.put(bytes, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // offer does not wait, so cannot report it
            return false;
        }
    }

    @Override
    public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        byte[] bytes = encode(item);
        return ring.put(bytes, Waits.deadlineAfter(Math.max(0, unit.toNanos(timeout))));
    }

    @Override
    public void put(T item) throws InterruptedException {
        byte[] bytes = encode(item);
        ring.put(bytes, Waits.NO_DEADLINE);
    }

    @Override
    public T take() throws InterruptedException {
        checkOpen();
        return decode(ring.take(Waits.NO_DEADLINE));
    }

    @Override
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        checkOpen();
        return decode(ring.take(Waits.deadlineAfter(Math.max(0, unit.toNanos(timeout)))));
    }

    @Override
    public T poll() {
        checkOpen();
        try {
            return decode(ring.take(System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public T peek() {
        checkOpen();
        try {
            return decode(ring.peek());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private byte[] encode(T item) {
        checkOpen();
        ring.checkPutsOpen(); // before encoding: a shut-down queue refuses even an item that cannot be encoded
        return codec.encode(item);
    }

    @SuppressWarnings("unchecked")
    private T decode(byte[] bytes) {
        return bytes == null ? null : (T) codec.decode(bytes);
    }

    @Override
    public int size() {
        return ring.size();
    }

    @Override
    public boolean isEmpty() {
        return !ring.hasItem();
    }

    @Override
    public int remainingCapacity() {
        return maxsize() == 0 ? Integer.MAX_VALUE : Math.max(0, maxsize() - size());
    }

    @Override
    public int drainTo(Collection<? super T> sink) {
        return drainTo(sink, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super T> sink, int maxElements) {
        Objects.requireNonNull(sink, "sink");
        if (sink == this) {
            throw new IllegalArgumentException("cannot drain a queue into itself");
        }
        int moved = 0;
        while (moved < maxElements) {
            T item;
            try {
                item = poll();
            } catch (ShutDown drained) {
                break; // shut down and empty: what was drained is the answer, as for an in-process queue
            }
            if (item == null) {
                break;
            }
            sink.add(item);
            moved++;
        }
        return moved;
    }

    /**
     * Not supported: the items are in shared memory, taken by other processes at any moment, so
     * there is nothing stable to walk.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Iterator<T> iterator() {
        throw new UnsupportedOperationException("a queue shared by processes cannot be iterated (nor searched, nor"
                + " copied to an array): take its items with poll, take or drainTo");
    }

    /**
     * Shuts the queue down for every process that holds it: see {@link Queue#shutdown(boolean)}.
     * Threads of other processes blocked in a put or get wake and throw {@link ShutDown}. It waits
     * only for a put or get in progress to finish its copy, and not for an interrupt.
     */
    @Override
    public void shutdown(boolean immediate) {
        Uninterruptibly.await(() -> ring.shutdown(immediate));
    }

    @Override
    public boolean isShutdown() {
        return ring.isShutdown();
    }

    @Override
    public void close() {
        closing.close();
    }

    /** @throws IllegalStateException if this process closed the queue */
    final void checkOpen() {
        closing.checkOpen();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().replace("Shared", "") + "[" + size() + " items"
                + (maxsize() == 0 ? "" : " of at most " + maxsize()) + ", shared by processes]";
    }
}
