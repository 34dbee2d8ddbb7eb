package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.waits.Spin;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Lock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A {@link Lock} for the threads of this JVM (Python's {@code threading.Lock}): not reentrant,
 * released by any thread. A contended acquire spins briefly ({@link Spin}), then parks, so a
 * waiting virtual thread leaves its carrier. Its conditions may be awaited by any thread while the
 * lock is held by some thread, as Python's {@code Condition(Lock())} allows.
 */
public final class LocalLock implements ReleasedByAnyThread, LocalConditionLock, StaysInProcess {
    /** State 1 while held, 0 while free; no owner. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean tryAcquire(int ignored) {
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
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
            return getState() == 0 && compareAndSetState(0, 1);
        }
    }

    private final Sync sync = new Sync();
    private final Spin spin = new Spin();
    private final WakeOnRelease wakeOnRelease = new WakeOnRelease();

    @Override
    public void lock() {
        if (!spin.until(sync::grabIfFree)) {
            sync.acquire(1);
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before acquiring a Lock");
        }
        if (!spin.until(sync::grabIfFree)) {
            sync.acquireInterruptibly(1);
        }
    }

    @Override
    public boolean tryLock() {
        return sync.grabIfFree();
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before acquiring a Lock");
        }
        long nanos = unit.toNanos(time);
        return sync.grabIfFree() || nanos > 0 && (spin.until(sync::grabIfFree) || sync.tryAcquireNanos(1, nanos));
    }

    @Override
    public void unlock() {
        sync.release(1);
        wakeOnRelease.released();
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
        return "Lock[" + (isLocked() ? "locked" : "unlocked") + "]";
    }
}
