package dev.spindle.asyncio;

import dev.spindle.sync.Held;

/**
 * Python's {@code asyncio.Lock}: a lock for the tasks of one loop, fair (first come, first
 * served). {@code async with lock:} is {@code try (Held h = lock.hold()) { ... }}. Not a
 * {@code java.util.concurrent.locks.Lock}: it is not owned by a thread, and blocking in it is an
 * await.
 */
public final class Lock {
    private final Waiters waiters = new Waiters();
    private boolean locked;

    /** An unlocked lock. */
    public Lock() {
        // the fields start as Python's do
    }

    /**
     * Python's {@code await lock.acquire()}: suspends the calling task until the lock is its.
     *
     * @throws CancelledError if the task is cancelled while waiting (it then does not hold the lock)
     */
    public void acquire() {
        if (!locked && !waiters.anyWaiting()) {
            locked = true;
            return;
        }
        try {
            waiters.await(Asyncio.getRunningLoop());
        } catch (CancelledError e) {
            if (!locked) {
                waiters.wakeFirst();
            }
            throw e;
        }
        locked = true;
    }

    /** {@link #acquire()} for try-with-resources: closing the result releases. */
    public Held hold() {
        acquire();
        return this::release;
    }

    /**
     * Releases the lock and wakes the first waiter.
     *
     * @throws IllegalStateException if it is not locked (Python's RuntimeError)
     */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        waiters.wakeFirst();
    }

    public boolean locked() {
        return locked;
    }
}
