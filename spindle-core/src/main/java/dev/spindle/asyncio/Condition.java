package dev.spindle.asyncio;

import dev.spindle.sync.Held;
import java.util.function.BooleanSupplier;

/**
 * Python's {@code asyncio.Condition}: tasks wait, holding its {@link Lock}, until another task
 * notifies them.
 */
public final class Condition {
    private final Lock lock;
    private final Waiters waiters = new Waiters();

    /** A condition over a new lock. */
    public Condition() {
        this(new Lock());
    }

    /** A condition over {@code lock}. */
    public Condition(Lock lock) {
        this.lock = lock;
    }

    public void acquire() {
        lock.acquire();
    }

    public Held hold() {
        return lock.hold();
    }

    public void release() {
        lock.release();
    }

    public boolean locked() {
        return lock.locked();
    }

    /**
     * Python's {@code await cond.wait()}: releases the lock, suspends until notified, and takes the
     * lock again before returning — even when cancelled (then {@link CancelledError} follows).
     *
     * @throws IllegalStateException if the lock is not held
     */
    public boolean await() {
        requireLocked();
        lock.release();
        CancelledError cancelled = null;
        try {
            waiters.await(Asyncio.getRunningLoop());
        } catch (CancelledError e) {
            cancelled = e;
        }
        while (true) {
            try {
                lock.acquire();
                break;
            } catch (CancelledError e) {
                cancelled = e;
            }
        }
        if (cancelled != null) {
            throw cancelled;
        }
        return true;
    }

    /** Python's {@code await cond.wait_for(predicate)}: waits until {@code predicate} holds. */
    public boolean waitFor(BooleanSupplier predicate) {
        while (!predicate.getAsBoolean()) {
            await();
        }
        return true;
    }

    /** Python's {@code notify(n)}: wakes up to {@code n} waiting tasks; the lock must be held. */
    public void signal(int n) {
        requireLocked();
        for (int woken = 0; woken < n && waiters.wakeFirst(); woken++) {
            // each wakeFirst wakes one more
        }
    }

    /** Python's {@code notify_all()}: wakes every waiting task; the lock must be held. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    private void requireLocked() {
        if (!lock.locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
    }
}
