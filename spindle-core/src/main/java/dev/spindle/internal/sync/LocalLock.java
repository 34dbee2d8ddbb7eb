package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Lock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A {@link Lock} for the threads of this JVM (Python's {@code threading.Lock}): not reentrant,
 * released by any thread. Its waits park, so a waiting virtual thread leaves its carrier. Its
 * conditions may be awaited by any thread while the lock is held by some thread, as Python's
 * {@code Condition(Lock())} allows.
 */
public final class LocalLock implements Lock, StaysInProcess {
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

        java.util.concurrent.locks.Condition newCondition() {
            return new ConditionObject();
        }
    }

    private final Sync sync = new Sync();

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
        return sync.tryAcquire(1);
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return sync.tryAcquireNanos(1, unit.toNanos(time));
    }

    @Override
    public void unlock() {
        sync.release(1);
    }

    @Override
    public Condition newCondition() {
        return new LocalCondition(this, sync.newCondition());
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
