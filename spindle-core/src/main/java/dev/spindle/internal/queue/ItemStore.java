package dev.spindle.internal.queue;

/**
 * Where a cross-process queue keeps its encoded items, in order, with the counts and states of
 * Python's queues: a ring in shared memory ({@link ItemRing}), or a list in a cluster's Redis.
 * {@link StoredQueue} puts the {@link java.util.concurrent.BlockingQueue} surface over one.
 */
public interface ItemStore {
    /** The most items it holds (0: no limit). */
    int maxsize();

    /** The most encoded bytes an item may have. */
    int maxItemBytes();

    /** Items held now. */
    int size();

    /** True if some item is there to take: none after an immediate shutdown. */
    boolean hasItem();

    /**
     * Puts an encoded item, waiting until {@code deadline} ({@link System#nanoTime()}) for room.
     *
     * @return false if no room came in time
     * @throws dev.spindle.queue.ShutDown if the queue is shut down
     */
    boolean put(byte[] item, long deadline) throws InterruptedException;

    /**
     * Takes the oldest item, waiting until {@code deadline} for one; null if none came in time.
     *
     * @throws dev.spindle.queue.ShutDown if the queue is shut down and empty
     */
    byte[] take(long deadline) throws InterruptedException;

    /** The oldest item, left where it is; null if there is none. */
    byte[] peek() throws InterruptedException;

    /** Marks one task done; false if every item put is done already. */
    boolean taskDone();

    /** Waits until {@code deadline} for every item put to be done; returns whether all are. */
    boolean join(long deadline) throws InterruptedException;

    /** Whether the queue was shut down, by anyone. */
    boolean isShutdown();

    /** @throws dev.spindle.queue.ShutDown if the queue was shut down */
    void checkPutsOpen();

    /** Shuts the queue down for everyone; with {@code immediate}, drops the items left. Wakes every waiter. */
    void shutdown(boolean immediate) throws InterruptedException;
}
