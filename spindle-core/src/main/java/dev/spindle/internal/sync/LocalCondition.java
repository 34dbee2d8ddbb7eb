package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Lock;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Condition} for the threads of this JVM (Python's {@code threading.Condition}): the
 * {@code java.util.concurrent} condition of its lock, with Python's extras.
 */
final class LocalCondition implements Condition, StaysInProcess {
    private final Lock lock;
    private final java.util.concurrent.locks.Condition condition;

    LocalCondition(Lock lock, java.util.concurrent.locks.Condition condition) {
        this.lock = lock;
        this.condition = condition;
    }

    @Override
    public Lock lock() {
        return lock;
    }

    @Override
    public void await() throws InterruptedException {
        condition.await();
    }

    @Override
    public void awaitUninterruptibly() {
        condition.awaitUninterruptibly();
    }

    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        return condition.awaitNanos(nanosTimeout);
    }

    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return condition.await(time, unit);
    }

    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        return condition.awaitUntil(deadline);
    }

    @Override
    public void signal() {
        condition.signal();
    }

    @Override
    public void signal(int n) {
        for (int i = 0; i < n; i++) {
            condition.signal();
        }
    }

    @Override
    public void signalAll() {
        condition.signalAll();
    }

    @Override
    public String toString() {
        return "Condition[" + lock + "]";
    }
}
