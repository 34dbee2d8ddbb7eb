package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.waits.Spin;
import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Event;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An {@link Event} for the threads of this JVM (Python's {@code threading.Event}). A generation
 * count, bumped by each {@code set} that raises the flag, lets a waiter woken by a set return
 * true even when a {@code clear} came before it ran. A wait first spins on the flag
 * ({@link Spin}, while spinning pays: a ping-pong between running threads then never parks),
 * then waits on a
 * {@link Condition}, so a waiting virtual thread leaves its carrier.
 */
public final class LocalEvent implements Event, StaysInProcess {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition raised = lock.newCondition();
    private final Spin spin = new Spin();
    private volatile boolean flag;
    /** Sets that raised the flag; guarded by {@link #lock}. */
    private long generation;

    @Override
    public boolean isSet() {
        return flag;
    }

    @Override
    public void set() {
        if (flag) {
            return; // the set that raised it woke every waiter there was; later ones see it raised
        }
        lock.lock();
        try {
            if (!flag) {
                flag = true;
                generation++;
                raised.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        flag = false; // no lock: a waiter woken by a set knows it by the generation, not the flag
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos(Math.max(0, Waits.nanos(timeout)));
    }

    private boolean awaitNanos(long nanos) throws InterruptedException {
        if (flag || nanos > 0 && spin.until(() -> flag)) {
            return true;
        }
        lock.lockInterruptibly();
        try {
            long seen = generation;
            while (!flag && generation == seen) {
                if (nanos <= 0) {
                    return false;
                }
                if (nanos == Long.MAX_VALUE) {
                    raised.await();
                } else {
                    nanos = raised.awaitNanos(nanos);
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a thread is waiting: for tests of this package, to know a waiter is inside its wait. */
    boolean hasWaiters() {
        lock.lock();
        try {
            return lock.hasWaiters(raised);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Event[" + (flag ? "set" : "unset") + "]";
    }
}
