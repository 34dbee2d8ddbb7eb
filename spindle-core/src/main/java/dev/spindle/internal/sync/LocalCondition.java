package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.waits.Spin;
import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Lock;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link dev.spindle.sync.Condition} for the threads of this JVM (Python's {@code threading.Condition}) over a
 * {@link LocalLock} or {@link LocalRLock}: as CPython's, a queue of waiters, each with a flag of
 * its own that a signal raises. A waiter lets the lock go, spins on its flag for a while
 * ({@link Spin}: while spinning pays), and only then parks; a signal raises the flag and unparks. So a ping-pong between
 * two running threads never sleeps in the kernel, where {@code java.util.concurrent}'s condition
 * parks every waiter at once (a futex sleep and wake-up, microseconds each, per hand-off).
 *
 * <p>Whether a waiter was signalled is decided by one step under the queue's monitor: a signal
 * takes the waiter out of the queue, a waiter that gives up (timeout, interrupt) takes itself out;
 * whoever does first wins, so a signal is never lost to a waiter that has left and never counted
 * twice. A signalled waiter that has parked is unparked when the lock is next released, not at the
 * signal, when the signaller still holds the lock ({@link WakeOnRelease}); a waiter raises
 * {@code parking} before it looks at its flag a last time and parks, and a signal raises the flag
 * before it looks at {@code parking}, so one of them sees the other. The monitor, not the lock, guards the queue, because a {@code Lock} held by one thread
 * may be signalled under by another (Python checks only that it is held).
 */
final class LocalCondition implements DeadlineCondition, StaysInProcess {
    /** One waiting thread. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        /** Raised by the signal that took this waiter out of the queue. */
        volatile boolean signalled;
        /** Raised before the waiter first parks, after its spin: a signal must then unpark it. */
        volatile boolean parking;
    }

    private final Lock lock;
    private final LocalConditionLock waitLock;
    /** Oldest first; guarded by its own monitor. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Spin spin = new Spin();

    <L extends Lock & LocalConditionLock> LocalCondition(L lock) {
        this.lock = lock;
        this.waitLock = lock;
    }

    @Override
    public Lock lock() {
        return lock;
    }

    @Override
    public boolean awaitSignal(long deadline, boolean interruptible) throws InterruptedException {
        if (!waitLock.heldForCondition()) {
            throw new IllegalMonitorStateException("cannot wait on an un-acquired lock");
        }
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting on a Condition");
        }
        Waiter waiter = new Waiter();
        synchronized (waiters) {
            waiters.addLast(waiter);
        }
        int holds = waitLock.releaseForWait();
        boolean interrupted;
        boolean signalled;
        try {
            interrupted = !spin.until(() -> waiter.signalled) && parkUntilSignalled(waiter, deadline, interruptible);
        } finally {
            waitLock.reacquireAfterWait(holds);
            synchronized (waiters) {
                signalled = !waiters.remove(waiter); // not there: a signal took it
            }
        }
        return ConditionWaits.settle(interrupted, interruptible, signalled);
    }

    /** Parks until signalled, the deadline passes, or (if {@code interruptible}) an interrupt; whether interrupted. */
    private boolean parkUntilSignalled(Waiter waiter, long deadline, boolean interruptible) {
        boolean interrupted = false;
        waiter.parking = true;
        while (!waiter.signalled) {
            if (deadline == Waits.NO_DEADLINE) {
                LockSupport.park(this);
            } else {
                long left = Waits.left(deadline);
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
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

    @Override
    public void signal() {
        signal(1);
    }

    @Override
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    @Override
    public void signal(int n) {
        if (!waitLock.heldForCondition()) {
            throw new IllegalMonitorStateException("cannot notify on an un-acquired lock");
        }
        for (int i = 0; i < n; i++) {
            Waiter waiter;
            synchronized (waiters) {
                waiter = waiters.pollFirst();
            }
            if (waiter == null) {
                return;
            }
            waiter.signalled = true;
            if (waiter.parking) {
                waitLock.wakeOnRelease(waiter.thread);
            }
        }
    }

    @Override
    public String toString() {
        return "Condition[" + lock + "]";
    }
}
