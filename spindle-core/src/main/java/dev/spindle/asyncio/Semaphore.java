package dev.spindle.asyncio;

import dev.spindle.sync.Held;

/**
 * Python's {@code asyncio.Semaphore} (and {@code BoundedSemaphore} with {@link #bounded}): a
 * counter of permits for the tasks of one loop, fair (first come, first served).
 */
public final class Semaphore {
    private final Waiters waiters = new Waiters();
    private final int bound;
    private int value;

    /** {@code Semaphore(value)}. */
    public Semaphore(int value) {
        this(value, Integer.MAX_VALUE);
    }

    private Semaphore(int value, int bound) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
        this.bound = bound;
    }

    /** Python's {@code BoundedSemaphore(value)}: releasing above {@code value} is an error. */
    public static Semaphore bounded(int value) {
        return new Semaphore(value, value);
    }

    /** Whether an {@link #acquire()} would suspend. */
    public boolean locked() {
        return value == 0 || waiters.anyWaiting();
    }

    /** Python's {@code await sem.acquire()}: takes a permit, suspending the task until one is free. */
    public void acquire() {
        if (!locked()) {
            value--;
            return;
        }
        try {
            waiters.await(Asyncio.getRunningLoop(), () -> value++); // the permit it was woken with goes back
        } finally {
            // newcomers may have queued behind; wake as many as there are permits
            while (value > 0 && wakeNext()) {
                // keep waking
            }
        }
    }

    /** {@link #acquire()} for try-with-resources: closing the result releases. */
    public Held hold() {
        acquire();
        return this::release;
    }

    /**
     * Returns a permit and wakes the first waiter.
     *
     * @throws IllegalStateException for a bounded semaphore released more often than acquired (Python's ValueError)
     */
    public void release() {
        if (value >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        value++;
        wakeNext();
    }

    private boolean wakeNext() {
        if (waiters.wakeFirst()) {
            value--;
            return true;
        }
        return false;
    }
}
