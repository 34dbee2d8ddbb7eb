package dev.spindle.gevent;

import java.util.concurrent.Semaphore;

/**
 * gevent's {@code Pool(size)}: a {@link Group} of at most {@code size} running tasks; spawning (or
 * adding) into a full pool blocks until one of them finishes. Its {@code map}s run at most
 * {@code size} items at a time.
 */
public final class Pool extends Group {
    private final int size;
    private final Semaphore slots;

    /**
     * @throws IllegalArgumentException when {@code size} is less than 1
     */
    public Pool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1: " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size);
    }

    @Override
    void admit() throws InterruptedException {
        slots.acquire();
    }

    @Override
    void release() {
        slots.release();
    }

    /** The most tasks the pool runs at once. */
    public int capacity() {
        return size;
    }

    /** gevent's {@code pool.free_count()}: how many more tasks may start without blocking. */
    public int freeCount() {
        return slots.availablePermits();
    }

    /** gevent's {@code pool.full()}: whether spawning now would block. */
    public boolean full() {
        return freeCount() == 0;
    }
}
