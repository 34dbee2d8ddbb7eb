package dev.spindle.internal.cluster;

import dev.spindle.cluster.Fenced;
import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Lock;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A lock of a cluster: a Redis key that names its holder and the hold's fencing token, leased
 * and renewed by the holder's JVM ({@link LeaseKeeper}). Whoever holds it when its JVM dies loses
 * it when the lease runs out, and the next holder is told so ({@link #ownerDied()}); a holder that
 * paused past its lease finds it lost at release. The two kinds say who holds: this JVM (a Lock,
 * which any thread releases) or one thread (an RLock).
 */
abstract class LeasedLock extends ClusterPrimitive implements Lock, Fenced {
    private static final long serialVersionUID = 1L;
    /** This JVM, as a holder. */
    static final String JVM = UUID.randomUUID().toString();

    /** A hold just taken: its token, and whether the hold before it ended with its holder's death. */
    record Taken(long token, boolean ownerDied) {}

    LeasedLock(ClusterSettings settings, String kind) {
        super(settings, kind);
    }

    /** This JVM's or thread's name as a holder. */
    abstract String holder();

    /** The token of the hold the caller has (this thread for an RLock, this JVM for a Lock); 0 if none. */
    abstract long tokenHeldHere();

    /** Takes the lock for {@code holder()} if it is free now; null if it is not. */
    final Taken take() {
        List<Long> answer = call(redis -> redis.<List<Long>>eval(LockScripts.ACQUIRE, ScriptOutputType.MULTI,
                new String[] {key, key + ":state"}, holder(), Long.toString(settings.lease().toMillis()),
                Integer.toString(KEPT_SECONDS)));
        long token = answer.get(0);
        if (token == 0) {
            return null;
        }
        LeaseKeeper.keep(this, holder() + "#" + token);
        return new Taken(token, answer.get(1) == 1);
    }

    /** Releases the hold {@code token} (0: whichever): 1 released, 0 not held, -1 held under another token. */
    final long release(long token) {
        LeaseKeeper.drop(this);
        return eval(LockScripts.RELEASE, new String[] {key, key + ":state"}, Long.toString(token), wakeChannel());
    }

    /** Renews the lease of {@code holderAndToken}; false if it was lost. */
    final boolean renew(String holderAndToken) {
        return eval(LockScripts.RENEW, new String[] {key}, holderAndToken, Long.toString(settings.lease().toMillis())) == 1;
    }

    /** Waits for the lock until {@code deadline}; the attempt records the hold. */
    final boolean await(long deadline, boolean interruptible, Wakeups.Attempt attempt) throws InterruptedException {
        return wakeups().await(key, deadline, interruptible, attempt);
    }

    @Override
    public final void lock() {
        try {
            await(Waits.NO_DEADLINE, false, this::tryLock);
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Override
    public final void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for a lock");
        }
        await(Waits.NO_DEADLINE, true, this::tryLock);
    }

    @Override
    public final boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for a lock");
        }
        return await(Waits.deadlineAfter(Math.max(0, unit.toNanos(time))), true, this::tryLock);
    }

    @Override
    public final boolean isLocked() {
        return call(redis -> redis.exists(key)) == 1;
    }

    @Override
    public final Condition newCondition() {
        return new ClusterCondition(settings, this);
    }

    /** Whether the caller may wait on or signal a condition of this lock. */
    abstract boolean heldForCondition();

    /** Lets the lock go entirely for a condition's wait; what {@link #reacquireAfterWait} restores. */
    abstract int releaseForWait();

    /** Takes the lock back after a condition's wait, uninterruptibly, as deep as it was held. */
    abstract void reacquireAfterWait(int holds);

    /** Python's look, with the cluster's: {@code Lock[Unlocked, on cluster x]} or who holds it under which token. */
    @Override
    public String toString() {
        String kind = getClass().getSimpleName().replace("Cluster", "");
        String holder = call(redis -> redis.get(key));
        String where = "on cluster " + settings.name() + ", key " + key;
        if (holder == null) {
            return kind + "[Unlocked, " + where + "]";
        }
        int hash = holder.lastIndexOf('#');
        String who = holder.substring(0, hash).startsWith(JVM) ? "this JVM" : "another JVM";
        return kind + "[Locked by " + who + ", fencing token " + holder.substring(hash + 1) + ", " + where + "]";
    }

    /** The message of a release whose lease had run out. */
    final IllegalMonitorStateException leaseRanOut(long token) {
        return new IllegalMonitorStateException("the lease of this hold (fencing token " + token + ") ran out before its"
                + " release: its holder paused longer than " + settings.lease().toMillis() + " ms, and the lock may have"
                + " been taken since");
    }
}
