package dev.spindle.internal.shm;

import dev.spindle.internal.nativeio.Futex;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.waits.Waits;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * A lock word in shared memory ({@link MutexLayout}) owned by a process, that survives its
 * owner's death, like a POSIX robust mutex; the owner is a process, not a thread, so any thread
 * of the owning process may release it, and threads of one process contend as processes do.
 *
 * <p>The word is 0 when free, else the owner's {@link ProcessIdentity#word()} (pid and start
 * ticks, so a reused pid is not taken for the owner), with {@link MutexLayout#WAITERS} set while
 * some thread may sleep on it. Acquiring is one CAS when free; under contention a waiter spins
 * for a while that adapts to how long holds last, then sleeps on the word's low half with
 * {@code futex}, waking at least every {@link #LIVENESS_SLICE_NANOS} to check that the owner still
 * exists. When it does not, the waiter takes the word over and is told so
 * ({@link Acquired#FROM_DEAD_OWNER}, POSIX's {@code EOWNERDEAD}).
 *
 * <p>Memory consistency: the CAS that acquires and the volatile exchange that releases are full
 * fences, so everything a holder wrote, in any process, happens-before what the next holder
 * reads — including the writes of a holder that died.
 */
public final class RobustWord {
    /** How a lock was obtained. */
    public enum Acquired {
        /** From a holder that released it (or from no holder). */
        CLEANLY,
        /** From a holder that died holding it: repair what it guards before use. */
        FROM_DEAD_OWNER
    }

    /** Longest sleep before a waiter checks the owner's liveness; bounds recovery from a death. */
    static final long LIVENESS_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int MAX_SPINS = 4_000;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final long SELF = ProcessIdentity.self().word();

    static {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("the futex sleeps on the low half of the word: little-endian only");
        }
    }

    private final MemorySegment memory;
    private final long offset;
    /** Spins that recent contended acquisitions needed (glibc's adaptive mutex estimate); racy by design, only a hint. */
    private int spinEstimate = 100;

    /** The word at {@code offset} (8-byte aligned) of {@code memory}; the word starts as 0. */
    public RobustWord(MemorySegment memory, long offset) {
        if ((memory.address() + offset) % 8 != 0) {
            throw new IllegalArgumentException("lock word not 8-byte aligned at offset " + offset);
        }
        this.memory = memory;
        this.offset = offset;
    }

    /** Takes the word if it is free, without waiting. */
    public boolean tryAcquire() {
        return LONG.compareAndSet(memory, offset, 0L, SELF);
    }

    /**
     * Waits until {@code deadline} ({@link System#nanoTime()}, or {@link Waits#NO_DEADLINE})
     * for the word; null if it did not come.
     */
    public Acquired acquire(long deadline) throws InterruptedException {
        if (tryAcquire()) {
            return Acquired.CLEANLY;
        }
        int limit = Math.min(MAX_SPINS, spinEstimate * 2 + 10);
        for (int spins = 0; spins < limit; spins++) {
            Thread.onSpinWait();
            if ((long) LONG.getVolatile(memory, offset) == 0L && tryAcquire()) {
                spinEstimate += (spins - spinEstimate) / 8;
                return Acquired.CLEANLY;
            }
        }
        spinEstimate += (limit - spinEstimate) / 8;
        long nextLivenessCheck = System.nanoTime() + LIVENESS_SLICE_NANOS;
        while (true) {
            long word = (long) LONG.getVolatile(memory, offset);
            if (word == 0L) {
                // Others may still sleep: keep the flag so this holder's release wakes one.
                if (LONG.compareAndSet(memory, offset, 0L, SELF | MutexLayout.WAITERS)) {
                    return Acquired.CLEANLY;
                }
                continue;
            }
            if ((word & MutexLayout.WAITERS) == 0 && !LONG.compareAndSet(memory, offset, word, word | MutexLayout.WAITERS)) {
                continue;
            }
            long now = System.nanoTime();
            if (now - nextLivenessCheck >= 0) {
                nextLivenessCheck = now + LIVENESS_SLICE_NANOS;
                if (!ProcessIdentity.isAlive(word)
                        && LONG.compareAndSet(memory, offset, word | MutexLayout.WAITERS, SELF | MutexLayout.WAITERS)) {
                    return Acquired.FROM_DEAD_OWNER;
                }
            }
            if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
                return null;
            }
            long sleep = Math.min(nextLivenessCheck - now, deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - now);
            Futex.await(memory, offset, (int) (word | MutexLayout.WAITERS), Math.max(sleep, 1));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a cross-process lock");
            }
        }
    }

    /** Takes the word only if that needs no wait: it is free, or its owner has died. */
    public Acquired tryAcquireIfFreeOrOrphaned() {
        long word = (long) LONG.getVolatile(memory, offset);
        if (word == 0 && tryAcquire()) {
            return Acquired.CLEANLY;
        }
        if (word != 0 && !ProcessIdentity.isAlive(word)
                && LONG.compareAndSet(memory, offset, word, SELF | (word & MutexLayout.WAITERS))) {
            return Acquired.FROM_DEAD_OWNER;
        }
        return null;
    }

    /** Frees the word, waking one sleeper if any may sleep; false if it was already free. */
    public boolean release() {
        long word = (long) LONG.getAndSet(memory, offset, 0L);
        if ((word & MutexLayout.WAITERS) != 0) {
            Futex.wake(memory, offset, 1);
        }
        return word != 0;
    }

    /** The process recorded as the owner, if any, without the flag bits; 0 when free. */
    public long ownerWord() {
        return (long) LONG.getVolatile(memory, offset) & ~MutexLayout.FLAGS;
    }
}
