package dev.spindle.internal.cluster;

import dev.spindle.sync.RLock;

/**
 * An {@link RLock} of a cluster (Python's {@code RLock}): held by one thread of one JVM, as often
 * as it locked it; only that thread releases it. The depth is kept here; Redis knows the holder.
 */
final class ClusterRLock extends LeasedLock implements RLock {
    private static final long serialVersionUID = 1L;
    private transient volatile Thread owner;
    private transient int holds;
    private transient long token;
    private transient boolean ownerDied;

    ClusterRLock(ClusterSettings settings) {
        super(settings, "rlock");
    }

    @Override
    String holder() {
        return JVM + ":" + Thread.currentThread().threadId();
    }

    @Override
    public boolean tryLock() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            holds++;
            return true;
        }
        Taken taken = take();
        if (taken == null) {
            return false;
        }
        token = taken.token();
        ownerDied = taken.ownerDied();
        holds = 1;
        owner = me;
        return true;
    }

    @Override
    public void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("cannot release un-acquired lock");
        }
        if (--holds > 0) {
            return;
        }
        long mine = token;
        owner = null;
        token = 0;
        ownerDied = false;
        if (release(mine) != 1) {
            throw leaseRanOut(mine);
        }
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    @Override
    public int getHoldCount() {
        return isHeldByCurrentThread() ? holds : 0;
    }

    @Override
    public boolean ownerDied() {
        return isHeldByCurrentThread() && ownerDied;
    }

    @Override
    long tokenHeldHere() {
        return isHeldByCurrentThread() ? token : 0;
    }

    @Override
    public long fencingToken() {
        if (!isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("this thread holds no hold of " + this);
        }
        return token;
    }

    @Override
    boolean heldForCondition() {
        return isHeldByCurrentThread();
    }

    @Override
    int releaseForWait() {
        int depth = holds;
        holds = 1;
        unlock();
        return depth;
    }

    @Override
    void reacquireAfterWait(int depth) {
        lock();
        holds = depth;
    }
}
