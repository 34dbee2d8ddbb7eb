package dev.spindle.internal.sync;

import dev.spindle.internal.shm.ObjectSegment;

import dev.spindle.internal.waits.Uninterruptibly;
import dev.spindle.internal.waits.Waits;
import dev.spindle.internal.nativeio.AdaptiveSpin;
import dev.spindle.internal.nativeio.Futex;
import dev.spindle.internal.shm.RobustWord;
import dev.spindle.internal.shm.RobustWord.Acquired;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.sync.Semaphore;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Semaphore} in shared memory ({@link SemaphoreLayout}) for threads of any process that
 * holds it (Python's {@code multiprocessing.Semaphore} and {@code BoundedSemaphore}). Every change
 * of the count is made under a robust guard word together with the table of which process holds
 * how many permits, so a process that dies holding permits has them returned: a waiter looks for
 * dead holders each {@link #LIVENESS_SLICE_NANOS} of its wait. Waiting spins while that pays,
 * then is a futex wait on the count. Lifetime: {@link ObjectSegment}'s.
 */
public final class SharedSemaphore implements Semaphore {
    static {
        ObjectSegment.register(SharedSemaphore.class, SemaphoreLayout.HEADER, SharedSemaphore::new, primitive -> primitive.segment);
    }

    /** How often a waiter looks for dead holders; bounds how late their permits come back. */
    private static final long LIVENESS_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SELF = ProcessIdentity.self().word();

    private final ObjectSegment segment;
    private final MemorySegment memory;
    private final RobustWord guard;
    private final AdaptiveSpin spin = new AdaptiveSpin();
    /** This process's slot in the holders table as last found; checked before each use (a hint). */
    private int ownSlot = -1;

    private SharedSemaphore(ObjectSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
        this.guard = new RobustWord(memory, SemaphoreLayout.GUARD);
    }

    /** A new semaphore of {@code permits}, owned by this process; if {@code bounded}, it refuses a release above them. */
    public static SharedSemaphore create(int permits, boolean bounded) {
        Permits.checkInitial(permits);
        return ObjectSegment.create(SemaphoreLayout.HEADER,
                memory -> SemaphoreLayout.initialize(memory, permits, bounded), SharedSemaphore::new);
    }

    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = Waits.nanos(timeout);
        if (nanos <= 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before waiting for a Semaphore");
            }
            return tryAcquire();
        }
        return acquireBy(Waits.deadlineAfter(nanos));
    }

    @Override
    public boolean tryAcquire() {
        lockGuard();
        try {
            return takeOne();
        } finally {
            guard.release();
        }
    }

    private boolean acquireBy(long deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for a Semaphore");
        }
        if (tryAcquire()) {
            return true;
        }
        long start = System.nanoTime();
        try {
            return awaitPermit(start, deadline);
        } finally {
            spin.waited(System.nanoTime() - start);
        }
    }

    private boolean awaitPermit(long start, long deadline) throws InterruptedException {
        long spinUntil = start + spin.spinNanos();
        long nextSweep = start + LIVENESS_SLICE_NANOS;
        while (true) {
            long now = System.nanoTime();
            if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
                return false;
            }
            if (SemaphoreLayout.permitsVolatile(memory) == 0) {
                if (now - spinUntil < 0) {
                    Thread.onSpinWait();
                    continue;
                }
                if (now - nextSweep >= 0) {
                    nextSweep = now + LIVENESS_SLICE_NANOS;
                    returnPermitsOfDeadHolders();
                }
                sleepWhileNoPermit(Math.min(nextSweep - now, deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - now));
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for a Semaphore");
                }
            }
            if (SemaphoreLayout.permitsVolatile(memory) > 0 && tryAcquire()) {
                return true;
            }
        }
    }

    private void sleepWhileNoPermit(long nanos) {
        SemaphoreLayout.addWaiterVolatile(memory, 1);
        try {
            if (SemaphoreLayout.permitsVolatile(memory) == 0) {
                Futex.await(memory, SemaphoreLayout.PERMITS, 0, Math.max(nanos, 1));
            }
        } finally {
            SemaphoreLayout.addWaiterVolatile(memory, -1);
        }
    }

    /** Takes a permit if there is one, recording it against this process; call holding the guard. */
    private boolean takeOne() {
        int permits = SemaphoreLayout.permitsVolatile(memory);
        if (permits == 0) {
            return false;
        }
        int slot = slotOfSelf(true);
        int held = slot < 0 ? 0 : SemaphoreLayout.slotHeldVolatile(memory, slot);
        SemaphoreLayout.change(memory, permits - 1, slot, held + 1, SELF);
        return true;
    }

    @Override
    public void release(int n) {
        Permits.checkRelease(n);
        lockGuard();
        try {
            int permits = SemaphoreLayout.permitsVolatile(memory);
            long after = (long) permits + n;
            if (SemaphoreLayout.bounded(memory) && after > SemaphoreLayout.initial(memory)) {
                throw new IllegalStateException("BoundedSemaphore released too many times (it holds at most "
                        + SemaphoreLayout.initial(memory) + ")");
            }
            if (after > Integer.MAX_VALUE) {
                throw new IllegalStateException("Semaphore released beyond " + Integer.MAX_VALUE + " permits");
            }
            int slot = slotOfSelf(false);
            int held = slot < 0 ? 0 : Math.max(0, SemaphoreLayout.slotHeldVolatile(memory, slot) - n);
            SemaphoreLayout.change(memory, (int) after, slot, held, SELF);
        } finally {
            guard.release();
        }
        wakeWaiters(n);
    }

    private void wakeWaiters(int n) {
        if (SemaphoreLayout.waitersVolatile(memory) != 0) {
            Futex.wake(memory, SemaphoreLayout.PERMITS, n);
        }
    }

    /**
     * Gives back what dead processes held, never taking the count above the initial value, and
     * frees their slots.
     */
    private void returnPermitsOfDeadHolders() {
        int returned = 0;
        lockGuard();
        try {
            for (int slot = 0; slot < SemaphoreLayout.SLOTS; slot++) {
                long process = SemaphoreLayout.slotProcessVolatile(memory, slot);
                if (process == 0 || process == SELF || ProcessIdentity.isAlive(process)) {
                    continue;
                }
                int permits = SemaphoreLayout.permitsVolatile(memory);
                int back = Math.max(0, Math.min(SemaphoreLayout.slotHeldVolatile(memory, slot),
                        SemaphoreLayout.initial(memory) - permits));
                SemaphoreLayout.change(memory, permits + back, slot, 0, 0);
                returned += back;
            }
        } finally {
            guard.release();
        }
        if (returned > 0) {
            wakeWaiters(returned);
        }
    }

    /**
     * This process's slot; if it has none and {@code claim}, a free one (or a dead process's that
     * holds nothing), or -1 when the table is full (its permits are then not returned if it dies).
     * Call holding the guard.
     */
    private int slotOfSelf(boolean claim) {
        int known = ownSlot;
        if (known >= 0 && SemaphoreLayout.slotProcessVolatile(memory, known) == SELF) {
            return known;
        }
        int free = -1;
        for (int slot = 0; slot < SemaphoreLayout.SLOTS; slot++) {
            long process = SemaphoreLayout.slotProcessVolatile(memory, slot);
            if (process == SELF) {
                ownSlot = slot;
                return slot;
            }
            if (free < 0 && claim && (process == 0
                    || (SemaphoreLayout.slotHeldVolatile(memory, slot) == 0 && !ProcessIdentity.isAlive(process)))) {
                free = slot;
            }
        }
        if (free >= 0) {
            ownSlot = free;
        }
        return free;
    }

    /** Takes the guard, repairing a change its last holder died in the middle of. */
    private void lockGuard() {
        Uninterruptibly.await(() -> {
            if (guard.acquire(Long.MAX_VALUE) == Acquired.FROM_DEAD_OWNER) {
                SemaphoreLayout.repair(memory);
            }
        });
    }

    @Override
    public int availablePermits() {
        return SemaphoreLayout.permitsVolatile(memory);
    }

    /** The segment's name: for tests of this package. */
    String segmentName() {
        return segment.name();
    }

    @Override
    public String toString() {
        return (SemaphoreLayout.bounded(memory) ? "BoundedSemaphore[" : "Semaphore[") + availablePermits()
                + " available, shared by processes]";
    }
}
