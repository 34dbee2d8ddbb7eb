package dev.spindle.internal.sync;

import dev.spindle.internal.shm.ObjectSegment;

import static dev.spindle.internal.sync.ConditionLayout.FREE;
import static dev.spindle.internal.sync.ConditionLayout.SIGNALLED;
import static dev.spindle.internal.sync.ConditionLayout.WAITING;

import dev.spindle.internal.nativeio.AdaptiveSpin;
import dev.spindle.internal.nativeio.Futex;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Lock;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@link dev.spindle.sync.Condition} in shared memory ({@link ConditionLayout}) over a cross-process lock
 * (Python's {@code multiprocessing.Condition}). Each waiter holds a slot with a ticket; a signal
 * marks the oldest waiting slots of live processes, so a waiter that died is passed over, and a
 * signal that reached a process which then died is handed on by the other waiters within
 * {@link #SLICE_NANOS}. Waiting spins while that pays, then sleeps on the sequence word.
 * Lifetime: {@link ObjectSegment}'s; it travels with its lock.
 */
public final class SharedCondition implements DeadlineCondition {
    static {
        ObjectSegment.register(SharedCondition.class, ConditionLayout.HEADER,
                (segment, lock) -> new SharedCondition(segment, (Lock) lock), condition -> condition.segment,
                condition -> condition.lock);
    }

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How long a process seen alive is taken to be alive by a signaller (a /proc read costs microseconds). */
    private static final long ALIVE_FOR_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long SELF = ProcessIdentity.self().word();
    private static final int WAKE_ALL = Integer.MAX_VALUE;

    private final ObjectSegment segment;
    private final MemorySegment memory;
    private final Lock lock;
    private final ConditionLock waitLock;
    private final AdaptiveSpin spin = new AdaptiveSpin();
    /** Process word → until when it is taken to be alive. */
    private final Map<Long, Long> seenAlive = new ConcurrentHashMap<>();

    private SharedCondition(ObjectSegment segment, Lock lock) {
        this.segment = segment;
        this.memory = segment.memory();
        this.lock = lock;
        this.waitLock = (ConditionLock) lock;
    }

    /** A new condition over {@code lock} (a {@link SharedLock} or {@link SharedRLock}), owned by this process. */
    static SharedCondition create(Lock lock) {
        return ObjectSegment.create(ConditionLayout.HEADER, memory -> { },
                segment -> new SharedCondition(segment, lock));
    }

    @Override
    public Lock lock() {
        return lock;
    }

    @Override
    public boolean awaitSignal(long deadline, boolean interruptible) throws InterruptedException {
        return awaitSignalFor(Waits.left(deadline), interruptible);
    }

    /** Waits for a signal at most {@code nanos} ({@link Long#MAX_VALUE}: for ever); true if signalled. */
    private boolean awaitSignalFor(long nanos, boolean interruptible) throws InterruptedException {
        if (!waitLock.heldForCondition()) {
            throw new IllegalMonitorStateException("cannot wait on an un-acquired lock");
        }
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting on a Condition");
        }
        int slot = enter();
        int holds = waitLock.releaseForWait();
        boolean signalled = false;
        boolean interrupted = false;
        long start = System.nanoTime();
        try {
            interrupted = sleepUntilSignalled(slot, start, Waits.deadlineAfter(nanos), interruptible);
        } finally {
            spin.waited(System.nanoTime() - start);
            waitLock.reacquireAfterWait(holds);
            signalled = leave(slot);
        }
        return ConditionWaits.settle(interrupted, interruptible, signalled);
    }

    /** Sleeps until the slot is signalled, the deadline passes or (if interruptible) an interrupt; true if interrupted. */
    private boolean sleepUntilSignalled(int slot, long start, long deadline, boolean interruptible) {
        long spinUntil = start + spin.spinNanos();
        long nextRescue = start + SLICE_NANOS;
        boolean interrupted = false;
        while (ConditionLayout.stateVolatile(memory, slot) != SIGNALLED) {
            long now = System.nanoTime();
            if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
                break;
            }
            if (now - spinUntil < 0) {
                Thread.onSpinWait();
                continue;
            }
            if (now - nextRescue >= 0) {
                nextRescue = now + SLICE_NANOS;
                rescueSignalsOfTheDead();
            }
            int seen = ConditionLayout.intVolatile(memory, ConditionLayout.SEQ);
            ConditionLayout.addInt(memory, ConditionLayout.SLEEPERS, 1);
            try {
                if (ConditionLayout.stateVolatile(memory, slot) != SIGNALLED) {
                    long left = deadline == Long.MAX_VALUE ? SLICE_NANOS : Math.min(SLICE_NANOS, deadline - now);
                    Futex.await(memory, ConditionLayout.SEQ, seen, Math.max(left, 1));
                }
            } finally {
                ConditionLayout.addInt(memory, ConditionLayout.SLEEPERS, -1);
            }
            if (Thread.interrupted()) {
                interrupted = true;
                if (interruptible) {
                    break;
                }
            }
        }
        return interrupted;
    }

    /** Claims a slot and a ticket; call holding the lock. */
    private int enter() {
        for (int slot = 0; slot < ConditionLayout.SLOTS; slot++) {
            if (ConditionLayout.processVolatile(memory, slot) == 0 && ConditionLayout.claim(memory, slot, SELF)) {
                int ticket = ConditionLayout.addInt(memory, ConditionLayout.NEXT_TICKET, 1);
                ConditionLayout.setTicketVolatile(memory, slot, ticket);
                ConditionLayout.setStateVolatile(memory, slot, WAITING);
                if (ConditionLayout.intVolatile(memory, ConditionLayout.HIGH_WATER) <= slot) {
                    ConditionLayout.setIntVolatile(memory, ConditionLayout.HIGH_WATER, slot + 1);
                }
                return slot;
            }
        }
        throw new IllegalStateException("more than " + ConditionLayout.SLOTS + " threads wait on one cross-process Condition");
    }

    /** Frees the slot; true if it had been signalled. Call holding the lock. */
    private boolean leave(int slot) {
        boolean signalled = !ConditionLayout.casState(memory, slot, WAITING, FREE);
        ConditionLayout.setStateVolatile(memory, slot, FREE);
        ConditionLayout.free(memory, slot);
        return signalled;
    }

    @Override
    public void signal() {
        signal(1);
    }

    @Override
    public void signalAll() {
        signal(ConditionLayout.SLOTS);
    }

    @Override
    public void signal(int n) {
        if (!waitLock.heldForCondition()) {
            throw new IllegalMonitorStateException("cannot notify on an un-acquired lock");
        }
        int marked = 0;
        while (marked < n && markOldestWaiter()) {
            marked++;
        }
        if (marked > 0) {
            wakeSleepers();
        }
    }

    private void wakeSleepers() {
        ConditionLayout.addInt(memory, ConditionLayout.SEQ, 1);
        if (ConditionLayout.intVolatile(memory, ConditionLayout.SLEEPERS) != 0) {
            Futex.wake(memory, ConditionLayout.SEQ, WAKE_ALL);
        }
    }

    /** Marks the longest waiting slot of a live process SIGNALLED, freeing those of dead ones; false if none waits. */
    private boolean markOldestWaiter() {
        while (true) {
            int high = ConditionLayout.intVolatile(memory, ConditionLayout.HIGH_WATER);
            int next = ConditionLayout.intVolatile(memory, ConditionLayout.NEXT_TICKET);
            int oldest = -1;
            int oldestAge = -1;
            for (int slot = 0; slot < high; slot++) {
                if (ConditionLayout.stateVolatile(memory, slot) == WAITING) {
                    int age = next - ConditionLayout.ticketVolatile(memory, slot); // wraps safely
                    if (age > oldestAge) {
                        oldest = slot;
                        oldestAge = age;
                    }
                }
            }
            if (oldest < 0) {
                return false;
            }
            long process = ConditionLayout.processVolatile(memory, oldest);
            if (isAlive(process)) {
                if (ConditionLayout.casState(memory, oldest, WAITING, SIGNALLED)) {
                    return true;
                }
            } else if (ConditionLayout.casState(memory, oldest, WAITING, FREE)) {
                ConditionLayout.free(memory, oldest); // a waiter that died: its wait is over
            }
        }
    }

    /** Frees slots signalled to processes that then died, and hands each signal to the next waiter. */
    private void rescueSignalsOfTheDead() {
        int high = ConditionLayout.intVolatile(memory, ConditionLayout.HIGH_WATER);
        int handedOn = 0;
        for (int slot = 0; slot < high; slot++) {
            long process = ConditionLayout.processVolatile(memory, slot);
            if (process != 0 && process != SELF && ConditionLayout.stateVolatile(memory, slot) == SIGNALLED
                    && !ProcessIdentity.isAlive(process) && ConditionLayout.casState(memory, slot, SIGNALLED, FREE)) {
                ConditionLayout.free(memory, slot);
                seenAlive.remove(process);
                if (markOldestWaiter()) {
                    handedOn++;
                }
            }
        }
        if (handedOn > 0) {
            wakeSleepers();
        }
    }

    private boolean isAlive(long process) {
        if (process == SELF) {
            return true;
        }
        long now = System.nanoTime();
        Long until = seenAlive.get(process);
        if (until != null && now - until < 0) {
            return true;
        }
        boolean alive = ProcessIdentity.isAlive(process);
        if (alive) {
            seenAlive.put(process, now + ALIVE_FOR_NANOS);
        } else {
            seenAlive.remove(process);
        }
        return alive;
    }

    @Override
    public String toString() {
        return "Condition[" + lock + "]";
    }
}
