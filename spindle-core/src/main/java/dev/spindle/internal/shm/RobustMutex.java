package dev.spindle.internal.shm;

import dev.spindle.internal.waits.Waits;
import dev.spindle.internal.shm.RobustWord.Acquired;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A mutex between processes that survives its owner's death: a {@link RobustWord} that one
 * thread of the owning process holds.
 *
 * <p>Threads of one process first queue on a local {@link ReentrantLock} (which parks virtual
 * threads without holding their carrier), so at most one thread per process contends for the
 * shared word, and only the thread that locked may unlock. Not reentrant.
 *
 * <p>Memory consistency: as {@link RobustWord}'s — everything a holder wrote, in any process,
 * happens-before what the next holder reads, including the writes of a holder that died.
 */
public final class RobustMutex {
    /** Longest sleep before a waiter checks the owner's liveness; bounds recovery from a death. */
    static final long LIVENESS_SLICE_NANOS = RobustWord.LIVENESS_SLICE_NANOS;

    private final RobustWord word;
    private final ReentrantLock local = new ReentrantLock();

    /** The mutex whose word is at {@code offset} (8-byte aligned) of {@code memory}; the word starts as 0. */
    public RobustMutex(MemorySegment memory, long offset) {
        this.word = new RobustWord(memory, offset);
    }

    /** Blocks until this process holds the mutex. */
    public Acquired lock() throws InterruptedException {
        return lock(Long.MAX_VALUE);
    }

    /** Waits up to {@code timeoutNanos} for the mutex; null if it did not come. */
    public Acquired lock(long timeoutNanos) throws InterruptedException {
        long deadline = Waits.deadlineAfter(timeoutNanos);
        if (!local.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
            return null;
        }
        try {
            Acquired acquired = word.acquire(deadline);
            if (acquired == null) {
                local.unlock();
            }
            return acquired;
        } catch (InterruptedException | RuntimeException | Error e) {
            local.unlock();
            throw e;
        }
    }

    /**
     * Takes the mutex only if that needs no wait: it is free, or its owner has died. For a
     * process that finds work left unfinished (a reader waiting for the rest of a message) and
     * wants to repair it itself.
     */
    public Acquired tryLockIfFreeOrOrphaned() {
        if (!local.tryLock()) {
            return null;
        }
        Acquired acquired = word.tryAcquireIfFreeOrOrphaned();
        if (acquired == null) {
            local.unlock();
        }
        return acquired;
    }

    /** Releases the mutex, waking one sleeping process if any may sleep. Call only holding it. */
    public void unlock() {
        if (!local.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("this thread does not hold the cross-process lock");
        }
        word.release();
        local.unlock();
    }

    /** True if the calling thread holds this mutex. */
    public boolean isHeldByCurrentThread() {
        return local.isHeldByCurrentThread();
    }

    /** The process recorded as the owner, if any, without the flag bits; 0 when free. */
    public long ownerWord() {
        return word.ownerWord();
    }
}
