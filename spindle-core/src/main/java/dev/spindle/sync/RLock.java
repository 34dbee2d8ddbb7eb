package dev.spindle.sync;

/**
 * A reentrant lock of threads or processes (Python's {@code threading.RLock} and
 * {@code multiprocessing.RLock}): the thread that holds it may lock it again, and holds it until
 * it has released it as many times. Only the owner may release it
 * ({@link IllegalMonitorStateException} otherwise, Python's {@code RuntimeError}). Made by
 * {@link dev.spindle.Context#rlock()}; a cross-process one travels as {@link Lock} does, and is
 * taken over with {@link #ownerDied()} when its owner's process dies, however deep its hold.
 *
 * <p>Memory consistency: as {@link Lock}'s.
 */
public interface RLock extends Lock {
    /** Whether the calling thread holds the lock. */
    boolean isHeldByCurrentThread();

    /** How many times the calling thread holds the lock (0 if it does not). */
    int getHoldCount();
}
