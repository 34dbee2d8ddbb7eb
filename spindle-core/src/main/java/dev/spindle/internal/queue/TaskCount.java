package dev.spindle.internal.queue;

import dev.spindle.internal.waits.Waits;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The unfinished tasks of an in-process joinable queue (Python's {@code queue.Queue}'s
 * {@code unfinished_tasks}): one more before each item goes in, one less for each
 * {@code taskDone()}; joiners wait for zero. Waiting virtual threads leave their carriers.
 */
final class TaskCount {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allDone = lock.newCondition();
    private long unfinished;

    /** An item is about to go in. */
    void adding() {
        lock.lock();
        try {
            unfinished++;
        } finally {
            lock.unlock();
        }
    }

    /** An item counted by {@link #adding} did not go in after all. */
    void notAdded() {
        done();
    }

    /** One task done; false (and no change) if none was unfinished. */
    boolean done() {
        lock.lock();
        try {
            if (unfinished == 0) {
                return false;
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** {@code n} items were dropped by an immediate shutdown: as many tasks done, as far as there are unfinished ones. */
    void dropped(int n) {
        lock.lock();
        try {
            unfinished = Math.max(0, unfinished - n);
            if (unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no task is unfinished or {@code deadline} passes; returns whether none is. */
    boolean join(long deadline) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (unfinished > 0) {
                long left = Waits.left(deadline);
                if (left <= 0) {
                    return false;
                }
                if (deadline == Waits.NO_DEADLINE) {
                    allDone.await();
                } else {
                    allDone.await(left, TimeUnit.NANOSECONDS);
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
