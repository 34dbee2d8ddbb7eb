package dev.spindle.internal.handoff;

import java.util.concurrent.locks.LockSupport;

/**
 * One party's right to run in a hand-off between threads where exactly one runs at a time (a
 * generator and its caller, the greenlets of one thread): {@link #give()} lets the party waiting in
 * {@link #take()} go on. Each give is taken once; a give before the take is not lost.
 *
 * <p>A platform thread spins briefly, then yields the processor a few times, before it parks: a
 * hand-off answered within a few microseconds (a generator's {@code send}, a greenlet's switch
 * back) then costs two cache-line transfers instead of a park and an unpark, which for a platform
 * thread is a futex wake of tens of microseconds. A virtual thread does not spin when the turn
 * comes from another virtual thread: its park only hands its carrier to the next virtual thread
 * (often the other party, unparked onto the same carrier), and spinning would hold the carrier the
 * other party needs. When the turn comes from a platform thread (a generator's or a greenlet's
 * caller on a platform thread), that party runs on a thread of its own, and a virtual thread's
 * park and unpark (a trip through the scheduler each way) cost more than the brief spin.
 * Memory effects: everything the giver wrote before {@code give()} is visible to the taker after
 * {@code take()} returns (a volatile write and read).
 */
public final class Turn {
    /** Busy checks before yielding the processor: a few microseconds, about one hand-off on an idle machine. */
    private static final int SPINS = 1 << 7;
    /**
     * Checks with {@link Thread#yield()} between them before parking: on a loaded machine the other
     * party may need this very processor to answer, and a yield lends it without a park's cost.
     */
    private static final int YIELDS = 1 << 6;
    /** A virtual thread's yields before parking: a yield costs it about what a park does, so only a few. */
    private static final int VIRTUAL_YIELDS = 4;

    private volatile Thread owner;
    private volatile boolean given;
    /** Whether the last give came from a virtual thread: the next one most likely comes from the same party. */
    private volatile boolean givenByVirtual = true;

    /** A turn for the thread that will call {@link #take()} (set again with {@link #ownedBy}). */
    public Turn() {}

    /** Names the thread that takes this turn from now on (a generator's caller may change between calls). */
    public void ownedBy(Thread thread) {
        owner = thread;
    }

    /** Lets the owner run. */
    public void give() {
        givenByVirtual = Thread.currentThread().isVirtual();
        given = true;
        LockSupport.unpark(owner);
    }

    /** Waits until the turn is given, then consumes it. Interrupts do not end the wait; they are kept for after. */
    public void take() {
        boolean virtual = Thread.currentThread().isVirtual();
        int spins = virtual && givenByVirtual ? 0 : SPINS;
        int yields = virtual ? VIRTUAL_YIELDS : YIELDS;
        for (int i = 0; i < spins; i++) {
            if (given) {
                given = false;
                return;
            }
            Thread.onSpinWait();
        }
        for (int i = 0; i < yields; i++) {
            if (given) {
                given = false;
                return;
            }
            Thread.yield();
        }
        boolean interrupted = false;
        while (!given) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        given = false;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
