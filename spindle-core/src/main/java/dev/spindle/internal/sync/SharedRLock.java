package dev.spindle.internal.sync;

import dev.spindle.internal.shm.ObjectSegment;

import dev.spindle.internal.waits.Uninterruptibly;
import dev.spindle.internal.shm.RobustMutex;
import dev.spindle.internal.shm.RobustWord.Acquired;
import dev.spindle.sync.Condition;
import dev.spindle.sync.RLock;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * An {@link RLock} in shared memory ({@link LockLayout}) for threads of any process that holds it
 * (Python's {@code multiprocessing.RLock}): a {@link RobustMutex}, so one thread owns it, and a
 * count of that thread's holds beside it ({@link LockLayout}). A process that dies holding it,
 * however deep, hands it to the next acquirer with {@link #ownerDied()} set.
 */
public final class SharedRLock implements RLock, ConditionLock {
    static {
        ObjectSegment.register(SharedRLock.class, LockLayout.RLOCK, SharedRLock::new, primitive -> primitive.segment);
    }

    private final ObjectSegment segment;
    private final MemorySegment memory;
    private final RobustMutex mutex;
    /**
     * The thread of this process that holds the lock, for {@link #toString}; null otherwise.
     * Plain: a racy look is all toString needs, and a hold pays no fence for it.
     */
    private Thread holderHere;

    private SharedRLock(ObjectSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
        this.mutex = new RobustMutex(memory, LockLayout.WORD);
    }

    /** A new RLock, free, owned by this process. */
    public static SharedRLock create() {
        return ObjectSegment.create(LockLayout.RLOCK, memory -> { }, SharedRLock::new);
    }

    @Override
    public void lock() {
        if (!reentered()) {
            Uninterruptibly.await(() -> took(mutex.lock()));
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for an RLock");
        }
        if (!reentered()) {
            took(mutex.lock());
        }
    }

    @Override
    public boolean tryLock() {
        return reentered() || took(mutex.tryLockIfFreeOrOrphaned());
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for an RLock");
        }
        return reentered() || took(mutex.lock(Math.max(0, unit.toNanos(time))));
    }

    private boolean reentered() {
        if (mutex.isHeldByCurrentThread()) {
            LockLayout.setHolds(memory, LockLayout.holds(memory) + 1);
            return true;
        }
        return false;
    }

    private boolean took(Acquired acquired) {
        if (acquired == null) {
            return false;
        }
        if (acquired == Acquired.FROM_DEAD_OWNER) {
            LockLayout.setOwnerDiedVolatile(memory, true);
        }
        Thread me = Thread.currentThread();
        holderHere = me;
        LockLayout.setOwnerThread(memory, me.threadId());
        LockLayout.setHolds(memory, 1);
        return true;
    }

    @Override
    public void unlock() {
        if (!mutex.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("cannot release an RLock this thread does not hold");
        }
        int holds = LockLayout.holds(memory) - 1;
        LockLayout.setHolds(memory, holds);
        if (holds == 0) {
            if (LockLayout.ownerDiedVolatile(memory)) {
                LockLayout.setOwnerDiedVolatile(memory, false);
            }
            holderHere = null;
            LockLayout.setOwnerThread(memory, 0);
            mutex.unlock();
        }
    }

    @Override
    public Condition newCondition() {
        return SharedCondition.create(this);
    }

    @Override
    public boolean heldForCondition() {
        return isHeldByCurrentThread();
    }

    @Override
    public int releaseForWait() {
        int held = LockLayout.holds(memory);
        LockLayout.setHolds(memory, 1);
        unlock();
        return held;
    }

    @Override
    public void reacquireAfterWait(int held) {
        lock();
        LockLayout.setHolds(memory, held);
    }

    @Override
    public boolean isLocked() {
        return mutex.ownerWord() != 0;
    }

    @Override
    public boolean ownerDied() {
        return LockLayout.ownerDiedVolatile(memory);
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return mutex.isHeldByCurrentThread();
    }

    @Override
    public int getHoldCount() {
        return mutex.isHeldByCurrentThread() ? LockLayout.holds(memory) : 0;
    }

    @Override
    public String toString() {
        return LockOwners.shared("RLock", mutex.ownerWord(), LockLayout.ownerThreadOpaque(memory), holderHere,
                LockLayout.holdsOpaque(memory));
    }
}
