package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.waits.Spin;
import dev.spindle.sync.Condition;
import dev.spindle.sync.RLock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An {@link RLock} for the threads of this JVM (Python's {@code threading.RLock}): a
 * {@link ReentrantLock}; a condition's waiter taking it back spins first ({@link Spin}), as
 * {@link LocalLock}'s does, and for the same reasons only it.
 */
public final class LocalRLock implements RLock, LocalConditionLock, StaysInProcess {
    /** A {@link ReentrantLock} that shows its owner, for {@link #toString}. */
    private static final class OwnedLock extends ReentrantLock {
        private static final long serialVersionUID = 1L;

        Thread owner() {
            return getOwner();
        }
    }

    private final OwnedLock lock = new OwnedLock();
    private final Spin spin = new Spin();
    private final WakeOnRelease wakeOnRelease = new WakeOnRelease();

    @Override
    public void lock() {
        lock.lock();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
    }

    @Override
    public boolean tryLock() {
        return lock.tryLock();
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return lock.tryLock(time, unit);
    }

    @Override
    public void unlock() {
        lock.unlock();
        if (!lock.isHeldByCurrentThread()) {
            wakeOnRelease.released();
        }
    }

    @Override
    public void wakeOnRelease(Thread waiter) {
        wakeOnRelease.add(waiter, lock::isLocked);
    }

    @Override
    public Condition newCondition() {
        return new LocalCondition(this);
    }

    @Override
    public boolean heldForCondition() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public int releaseForWait() {
        int holds = lock.getHoldCount();
        for (int i = 0; i < holds; i++) {
            lock.unlock();
        }
        wakeOnRelease.released();
        return holds;
    }

    @Override
    public void reacquireAfterWait(int holds) {
        if (!spin.until(lock::tryLock)) {
            lock.lock();
        }
        for (int i = 1; i < holds; i++) {
            lock.lock(); // held already: no wait
        }
    }

    @Override
    public boolean isLocked() {
        return lock.isLocked();
    }

    @Override
    public boolean ownerDied() {
        return false;
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public int getHoldCount() {
        return lock.getHoldCount();
    }

    @Override
    public String toString() {
        Thread owner = lock.owner();
        return LockOwners.inProcess("RLock", owner != null, owner, owner == Thread.currentThread() ? lock.getHoldCount() : -1);
    }
}
