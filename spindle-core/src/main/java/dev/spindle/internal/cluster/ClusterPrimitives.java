package dev.spindle.internal.cluster;

import dev.spindle.ReadLimits;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.SimpleQueue;
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

    /** A new FIFO queue of at most {@code maxsize} items (0: no limit) of at most {@code maxItemBytes} encoded bytes. */
    public <T> Queue<T> queue(int maxsize, int maxItemBytes) {
        return new ClusterQueue<>(new RedisItemStore(settings, maxsize, maxItemBytes));
    }

    /** A new joinable queue of at most {@code maxsize} items (0: no limit). */
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return new ClusterQueue.Joinable<>(new RedisItemStore(settings, maxsize, ReadLimits.defaults().maxBytes()));
    }

    /** A new unbounded simple queue. */
    public <T> SimpleQueue<T> simpleQueue() {
        return new ClusterQueue.Simple<>(new RedisItemStore(settings, 0, ReadLimits.defaults().maxBytes()));
    }

    /** Whether {@code lock} is a lock of a cluster. */
    public static boolean makes(Lock lock) {
        return lock instanceof LeasedLock;
    }
}
