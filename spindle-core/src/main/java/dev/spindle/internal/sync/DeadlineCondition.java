package dev.spindle.internal.sync;

import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Condition;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Condition} whose every wait is one wait for a signal until a deadline: the
 * {@link java.util.concurrent.locks.Condition} methods are written here once, over
 * {@link #awaitSignal}, for the conditions of threads, of processes and of a cluster.
 */
public interface DeadlineCondition extends Condition {
    /**
     * Waits for a signal until {@code deadline} ({@link System#nanoTime()}; {@link Waits#NO_DEADLINE}:
     * for ever), the lock let go meanwhile and held again on return.
     *
     * @return true if signalled, false if the deadline passed first
     * @throws InterruptedException if {@code interruptible} and this thread is interrupted
     */
    boolean awaitSignal(long deadline, boolean interruptible) throws InterruptedException;

    @Override
    default void await() throws InterruptedException {
        awaitSignal(Waits.NO_DEADLINE, true);
    }

    @Override
    default void awaitUninterruptibly() {
        try {
            awaitSignal(Waits.NO_DEADLINE, false);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Override
    default long awaitNanos(long nanosTimeout) throws InterruptedException {
        long deadline = Waits.deadlineAfter(Math.max(0, nanosTimeout));
        awaitSignal(deadline, true);
        return Waits.left(deadline);
    }

    @Override
    default boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitSignal(Waits.deadlineAfter(Math.max(0, unit.toNanos(time))), true);
    }

    @Override
    default boolean awaitUntil(Date deadline) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis());
        return awaitSignal(Waits.deadlineAfter(Math.max(0, nanos)), true);
    }
}
