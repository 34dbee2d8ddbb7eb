package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.waits.Spin;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Lock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A {@link Lock} for the threads of this JVM (Python's {@code threading.Lock}): not reentrant,
 * released by any thread. Its waits park, so a waiting virtual thread leaves its carrier; only a
 * condition's waiter taking the lock back spins first ({@link Spin}): its signaller lets the lock
 * go within a moment, when it waits in turn. A plain contended acquire parks at once, as
 * {@code ReentrantLock}'s: under contention the holder then goes on taking the lock on its own
 * core, where a spinning rival would bounce the lock between cores at every hold. Its conditions
 * may be awaited by any thread while the lock is held by some thread, as Python's
 * {@code Condition(Lock())} allows.
 */
public final class LocalLock implements ReleasedByAnyThread, LocalConditionLock, StaysInProcess {
    /** State 1 while held, 0 while free; the owner is the thread that took it, for {@link #toString} only. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean tryAcquire(int ignored) {
            return took(compareAndSetState(0, 1));
        }

        @Override
        protected boolean tryRelease(int ignored) {
            setExclusiveOwnerThread(null); // before the release, so as not to erase the next holder
            if (!compareAndSetState(1, 0)) {
                throw new IllegalMonitorStateException("release of an unlocked Lock");
            }
            return true;
        }

        @Override
        protected boolean isHeldExclusively() {
            return getState() == 1;
        }

        /** Takes the lock if it looks free (a read before the CAS, so spinners do not fight over the line). */
        boolean grabIfFree() {
            return getState() == 0 && took(compareAndSetState(0, 1));
        }

        private boolean took(boolean took) {
            if (took) {
                setExclusiveOwnerThread(Thread.currentThread());
            }
            return took;
        }

        /** The thread that took the lock: a racy look, for {@link #toString}. */
        Thread owner() {
            return getExclusiveOwnerThread();
        }
    }

    private final Sync sync = new Sync();
    private final Spin spin = new Spin();
    private final WakeOnRelease wakeOnRelease = new WakeOnRelease();

    @Override
    public void lock() {
        sync.acquire(1);
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        sync.acquireInterruptibly(1);
    }

    @Override
    public boolean tryLock() {
        return sync.grabIfFree();
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return sync.tryAcquireNanos(1, unit.toNanos(time));
    }

    @Override
    public void unlock() {
        sync.release(1);
        wakeOnRelease.released();
    }

    /** A condition's waiter takes the lock back: spinning first, see the class comment. */
    @Override
    public void reacquireAfterWait(int holds) {
        if (!spin.until(sync::grabIfFree)) {
            sync.acquire(1);
        }
    }

    @Override
    public void wakeOnRelease(Thread waiter) {
        wakeOnRelease.add(waiter, this::isLocked);
    }

    @Override
    public Condition newCondition() {
        return new LocalCondition(this);
    }


    @Override
    public boolean isLocked() {
        return sync.isHeldExclusively();
    }

    @Override
    public boolean ownerDied() {
        return false;
    }

    @Override
    public String toString() {
        return LockOwners.inProcess("Lock", isLocked(), sync.owner(), -1);
    }
}
