package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Barrier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Barrier} for the threads of this JVM (Python's {@code threading.Barrier}): rounds are
 * generations counted under a lock; a round ends released, or broken (recorded as the last broken
 * generation), so a waiter woken after a later reset still learns how its own round ended.
 */
public final class LocalBarrier implements Barrier, StaysInProcess {
    private final int parties;
    private final Runnable action;
    private final Optional<Duration> timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roundOver = lock.newCondition();
    /** Guarded by {@link #lock}: the round, parties waiting in it, and whether the barrier is broken. */
    private long generation;
    private long lastBrokenGeneration = -1;
    private int count;
    private boolean broken;

    /**
     * A barrier of {@code parties} (at least 1) whose last arrival runs {@code action} (null: none)
     * and whose {@link #await()} waits at most {@code timeout} (null: for ever).
     */
    public LocalBarrier(int parties, Runnable action, Duration timeout) {
        this.parties = BarrierRounds.checkParties(parties);
        this.action = action;
        this.timeout = Optional.ofNullable(timeout);
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public Optional<Duration> timeout() {
        return timeout;
    }

    @Override
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException {
        return awaitNanos(Math.max(0, Waits.nanos(timeout)));
    }

    private int awaitNanos(long nanos) throws InterruptedException, BrokenBarrierException {
        if (Thread.interrupted()) {
            abort(); // as a wait interrupted: the barrier breaks
            throw new InterruptedException("interrupted before waiting at a Barrier");
        }
        lock.lock();
        try {
            if (broken) {
                throw BarrierRounds.broken();
            }
            int index = count++;
            long round = generation;
            if (count == parties) {
                release();
                return index;
            }
            while (generation == round) {
                try {
                    if (nanos == Long.MAX_VALUE) {
                        roundOver.await();
                    } else if (nanos <= 0) {
                        breakRound();
                        throw BarrierRounds.timedOut();
                    } else {
                        nanos = roundOver.awaitNanos(nanos);
                    }
                } catch (InterruptedException e) {
                    if (generation == round) {
                        breakRound();
                        throw e;
                    }
                    Thread.currentThread().interrupt(); // the round was over: keep the interrupt for later
                }
            }
            if (lastBrokenGeneration == round) {
                throw BarrierRounds.broken();
            }
            return index;
        } finally {
            lock.unlock();
        }
    }

    /** The last party arrived: run the action, then start the next round. */
    private void release() {
        BarrierRounds.runAction(action, this::breakRound);
        count = 0;
        generation++;
        roundOver.signalAll();
    }

    private void breakRound() {
        broken = true;
        lastBrokenGeneration = generation;
        count = 0;
        generation++;
        roundOver.signalAll();
    }

    @Override
    public void abort() {
        lock.lock();
        try {
            breakRound();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void reset() {
        lock.lock();
        try {
            if (count > 0) {
                breakRound();
            }
            broken = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isBroken() {
        lock.lock();
        try {
            return broken;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int nWaiting() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Barrier[" + nWaiting() + " of " + parties + " waiting" + (isBroken() ? ", broken" : "") + "]";
    }
}
