package dev.spindle.internal.cluster;

/**
 * A {@link dev.spindle.sync.Lock} of a cluster (Python's {@code Lock}): held by a JVM, released
 * by any thread of any JVM, as Python lets any thread release.
 */
final class ClusterLock extends LeasedLock {
    private static final long serialVersionUID = 1L;
    /** The token of this JVM's hold; 0 when it holds none. */
    private transient volatile long token;
    private transient volatile boolean ownerDied;

    ClusterLock(ClusterSettings settings) {
        super(settings, "lock");
    }

    @Override
    String holder() {
        return JVM;
    }

    @Override
    public boolean tryLock() {
        Taken taken = take();
        if (taken == null) {
            return false;
        }
        ownerDied = taken.ownerDied();
        token = taken.token();
        return true;
    }

    @Override
    public void unlock() {
        long mine = token;
        token = 0;
        ownerDied = false;
        long released = release(mine);
        if (released == 1) {
            return;
        }
        if (mine != 0) {
            throw leaseRanOut(mine);
        }
        throw new IllegalMonitorStateException("release of an unlocked Lock");
    }

    @Override
    public boolean ownerDied() {
        return token != 0 && ownerDied;
    }

    @Override
    long tokenHeldHere() {
        return token;
    }

    @Override
    public long fencingToken() {
        long mine = token;
        if (mine == 0) {
            throw new IllegalMonitorStateException("this JVM holds no hold of " + this);
        }
        return mine;
    }

    @Override
    boolean heldForCondition() {
        return isLocked();
    }

    @Override
    int releaseForWait() {
        unlock();
        return 1;
    }

    @Override
    void reacquireAfterWait(int holds) {
        lock();
    }
}
