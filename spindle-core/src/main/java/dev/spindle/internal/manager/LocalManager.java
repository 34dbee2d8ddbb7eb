package dev.spindle.internal.manager;

import dev.spindle.internal.backend.Backend;
import dev.spindle.internal.travel.StaysInProcess;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A threads context's manager (Python's {@code multiprocessing.dummy.Manager}): plain thread-safe
 * objects of this JVM with the interfaces a process manager's proxies have.
 */
public final class LocalManager implements Manager, StaysInProcess {
    private final Backend threads;

    /** A manager whose objects come from {@code threads}, a threads backend. */
    public LocalManager(Backend threads) {
        this.threads = threads;
    }

    @Override
    public <K, V> Map<K, V> dict() {
        return Collections.synchronizedMap(new LinkedHashMap<>());
    }

    @Override
    public <T> List<T> list() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    @Override
    public Namespace namespace() {
        return new ManagedNamespace();
    }

    @Override
    public <T> Value<T> value(TypeCode<T> code, T initial) {
        return threads.value(code, initial, threads.rlock());
    }

    @Override
    public <T> Array<T> array(TypeCode<T> code, int length) {
        return threads.array(code, length, threads.rlock());
    }

    @Override
    public <T> Queue<T> queue(int maxsize) {
        return threads.queue(maxsize, Integer.MAX_VALUE);
    }

    @Override
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return threads.joinableQueue(maxsize);
    }

    @Override
    public Lock lock() {
        return threads.lock();
    }

    @Override
    public RLock rlock() {
        return threads.rlock();
    }

    @Override
    public Semaphore semaphore(int permits) {
        return threads.semaphore(permits, false);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return threads.semaphore(permits, true);
    }

    @Override
    public Condition condition() {
        return threads.condition(threads.rlock());
    }

    @Override
    public Condition condition(Lock lock) {
        return threads.condition(lock);
    }

    @Override
    public Event event() {
        return threads.event();
    }

    @Override
    public Barrier barrier(int parties) {
        return threads.barrier(parties, null, null);
    }

    /** @throws IllegalArgumentException always: a threads context's manager serves no registered typeids */
    @Override
    public <T> T get(String typeid, Class<T> type) {
        throw new IllegalArgumentException("a threads context's manager serves no typeid '" + typeid
                + "'; serve it with a ManagerServer and connect to it");
    }

    @Override
    public SocketAddress address() {
        return null;
    }

    /** Nothing to end: the objects are this JVM's. */
    @Override
    public void shutdown() {
    }
}
