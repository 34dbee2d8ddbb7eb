package dev.spindle.internal.cluster;

import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;

/** Makes the primitives of one cluster: what its backend hands out. */
public final class ClusterPrimitives {
    private final ClusterSettings settings;

    public ClusterPrimitives(ClusterSettings settings) {
        this.settings = settings;
    }

    /** A new event, lowered. */
    public Event event() {
        return new ClusterEvent(settings);
    }

    /** A new lock, free. */
    public Lock lock() {
        return new ClusterLock(settings);
    }

    /** A new reentrant lock, free. */
    public RLock rlock() {
        return new ClusterRLock(settings);
    }

    /** A new semaphore of {@code permits}; bounded at them if {@code bounded}. */
    public Semaphore semaphore(int permits, boolean bounded) {
        return new ClusterSemaphore(settings, permits, bounded);
    }

    /** A new value of {@code code}, {@code initial}, guarded by {@code lock}: a lock of a cluster, or null for a raw value. */
    public <T> Value<T> value(TypeCode<T> code, T initial, Lock lock) {
        return ClusterValue.create(settings, code, initial, (LeasedLock) lock);
    }

    /** Whether {@code lock} is a lock of a cluster. */
    public static boolean makes(Lock lock) {
        return lock instanceof LeasedLock;
    }
}
