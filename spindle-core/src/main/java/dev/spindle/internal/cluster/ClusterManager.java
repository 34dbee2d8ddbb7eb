package dev.spindle.internal.cluster;

import dev.spindle.ReadLimits;
import dev.spindle.managers.Manager;
import dev.spindle.managers.Namespace;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A cluster's {@link Manager}: no process serves its objects — Redis keeps them, and every JVM
 * that holds one reaches them there — so it has no address and its shutdown ends nothing; its
 * objects are forgotten a day after their last change. It hands out the cluster's dict, queues,
 * locks, conditions, semaphores, events and values; its lists, namespaces, arrays, barriers and
 * registered types are not built yet, and say so.
 */
public final class ClusterManager implements Manager {
    private final ClusterSettings settings;
    private final ClusterPrimitives primitives;

    public ClusterManager(ClusterSettings settings, ClusterPrimitives primitives) {
        this.settings = settings;
        this.primitives = primitives;
    }

    private static UnsupportedOperationException notYet(String what) {
        return new UnsupportedOperationException("a cluster manager's " + what + " is not built yet; its dict,"
                + " queues, locks, semaphores, events and values are");
    }

    @Override
    public <K, V> Map<K, V> dict() {
        return new ClusterDict<>(settings);
    }

    @Override
    public <T> List<T> list() {
        throw notYet("list");
    }

    @Override
    public Namespace namespace() {
        throw notYet("namespace");
    }

    @Override
    public <T> Value<T> value(TypeCode<T> code, T initial) {
        return primitives.value(code, initial, primitives.rlock());
    }

    @Override
    public <T> Array<T> array(TypeCode<T> code, int length) {
        throw notYet("array");
    }

    @Override
    public <T> Queue<T> queue(int maxsize) {
        return primitives.queue(maxsize, ReadLimits.defaults().maxBytes());
    }

    @Override
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return primitives.joinableQueue(maxsize);
    }

    @Override
    public Lock lock() {
        return primitives.lock();
    }

    @Override
    public RLock rlock() {
        return primitives.rlock();
    }

    @Override
    public Semaphore semaphore(int permits) {
        return primitives.semaphore(permits, false);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return primitives.semaphore(permits, true);
    }

    @Override
    public Condition condition() {
        return rlock().newCondition();
    }

    @Override
    public Condition condition(Lock lock) {
        if (!ClusterPrimitives.makes(lock)) {
            throw new IllegalArgumentException("a cluster manager's Condition needs a lock of the cluster, not " + lock);
        }
        return lock.newCondition();
    }

    @Override
    public Event event() {
        return primitives.event();
    }

    @Override
    public Barrier barrier(int parties) {
        throw notYet("barrier");
    }

    @Override
    public <T> T get(String typeid, Class<T> type) {
        throw notYet("registered typeid " + typeid);
    }

    /** None: no process serves a cluster's objects. */
    @Override
    public SocketAddress address() {
        return null;
    }

    /** Nothing to end: the objects live in Redis for every JVM that holds them. */
    @Override
    public void shutdown() {
        // no server process
    }

    @Override
    public String toString() {
        return "Manager[cluster " + settings.name() + "]";
    }
}
