package dev.spindle.internal.sync;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Semaphore;
import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A {@link Semaphore} for the threads of this JVM (Python's {@code threading.Semaphore} and
 * {@code BoundedSemaphore}): the permits are the state of an {@link AbstractQueuedSynchronizer}
 * in shared mode, so waits park (a waiting virtual thread leaves its carrier) and a bounded
 * release checks its bound in the same CAS that returns the permits.
 */
public final class LocalSemaphore implements Semaphore, StaysInProcess {
    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;
        /** The most permits a release may leave: the initial value if bounded, else unbounded. */
        private final int bound;

        Sync(int permits, int bound) {
            this.bound = bound;
            setState(permits);
        }

        @Override
        protected int tryAcquireShared(int ignored) {
            while (true) {
                int available = getState();
                if (available == 0) {
                    return -1;
                }
                if (compareAndSetState(available, available - 1)) {
                    return available - 1;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(int n) {
            while (true) {
                int available = getState();
                if ((long) available + n > bound) {
                    throw new IllegalStateException(bound == Integer.MAX_VALUE
                            ? "Semaphore released beyond " + Integer.MAX_VALUE + " permits"
                            : "BoundedSemaphore released too many times (it holds at most " + bound + ")");
                }
                if (compareAndSetState(available, available + n)) {
                    return true;
                }
            }
        }

        int permits() {
            return getState();
        }
    }

    private final Sync sync;

    private LocalSemaphore(int permits, int bound) {
        this.sync = new Sync(permits, bound);
    }

    /** A semaphore of {@code permits} (0 or more). */
    public static LocalSemaphore unbounded(int permits) {
        return new LocalSemaphore(Permits.checkInitial(permits), Integer.MAX_VALUE);
    }

    /** A semaphore of {@code permits} that refuses a release above them. */
    public static LocalSemaphore bounded(int permits) {
        return new LocalSemaphore(Permits.checkInitial(permits), permits);
    }

    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        return sync.tryAcquireSharedNanos(1, Math.max(0, Waits.nanos(timeout)));
    }

    @Override
    public boolean tryAcquire() {
        return sync.tryAcquireShared(1) >= 0;
    }

    @Override
    public void release(int n) {
        sync.releaseShared(Permits.checkRelease(n));
    }

    @Override
    public int availablePermits() {
        return sync.permits();
    }

    @Override
    public String toString() {
        return "Semaphore[" + availablePermits() + " available]";
    }
}
