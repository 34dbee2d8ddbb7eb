package dev.spindle.internal.sync;

import dev.spindle.internal.shm.ObjectSegment;

import dev.spindle.internal.waits.Waits;
import dev.spindle.internal.waits.Uninterruptibly;
import dev.spindle.internal.shm.RobustWord;
import dev.spindle.internal.shm.RobustWord.Acquired;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Lock;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Lock} in shared memory ({@link LockLayout}) for threads of any process that holds it
 * (Python's {@code multiprocessing.Lock}): a {@link RobustWord}, owned by a process, so any
 * thread of any process may release it, and a process that dies holding it hands it to the next
 * acquirer with {@link #ownerDied()} set. Lifetime: {@link ObjectSegment}'s.
 */
public final class SharedLock implements ReleasedByAnyThread {
    static {
        ObjectSegment.register(SharedLock.class, LockLayout.LOCK, SharedLock::new, primitive -> primitive.segment);
    }

    private final ObjectSegment segment;
    private final MemorySegment memory;
    private final RobustWord word;
    /**
     * The thread of this process that holds the lock, for {@link #toString}; null otherwise.
     * Plain: a racy look is all toString needs, and a hold pays no fence for it.
     */
    private Thread holderHere;

    private SharedLock(ObjectSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
        this.word = new RobustWord(memory, LockLayout.WORD);
    }

    /** A new lock, free, owned by this process. */
    public static SharedLock create() {
        return ObjectSegment.create(LockLayout.LOCK, memory -> { }, SharedLock::new);
    }

    @Override
    public void lock() {
        Uninterruptibly.await(() -> took(word.acquire(Long.MAX_VALUE)));
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for a Lock");
        }
        took(word.acquire(Long.MAX_VALUE));
    }

    @Override
    public boolean tryLock() {
        return took(word.tryAcquireIfFreeOrOrphaned());
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for a Lock");
        }
        long nanos = unit.toNanos(time);
        if (nanos <= 0) {
            return tryLock();
        }
        return took(word.acquire(Waits.deadlineAfter(nanos)));
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
        return true;
    }

    @Override
    public void unlock() {
        if (word.ownerWord() == 0) {
            throw new IllegalMonitorStateException("release of an unlocked Lock");
        }
        if (LockLayout.ownerDiedVolatile(memory)) {
            LockLayout.setOwnerDiedVolatile(memory, false);
        }
        holderHere = null;
        LockLayout.setOwnerThread(memory, 0);
        word.release();
    }

    @Override
    public Condition newCondition() {
        return SharedCondition.create(this);
    }


    @Override
    public boolean isLocked() {
        return word.ownerWord() != 0;
    }

    @Override
    public boolean ownerDied() {
        return LockLayout.ownerDiedVolatile(memory);
    }

    @Override
    public String toString() {
        return LockOwners.shared("Lock", word.ownerWord(), LockLayout.ownerThreadOpaque(memory), holderHere, -1);
    }
}
