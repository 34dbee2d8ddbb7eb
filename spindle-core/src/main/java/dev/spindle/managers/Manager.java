package dev.spindle.managers;

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
 * Objects served by one process to many (Python's {@code multiprocessing.Manager()}, a
 * {@code SyncManager}): {@code ctx.manager()} starts one in a child JVM; what it makes lives there,
 * and each process holds proxies — a {@link Map}, a {@link List}, a {@link Lock}, a {@link Queue} —
 * whose calls run in the manager. Close it (try-with-resources is Python's {@code with}) to shut it
 * down; its objects go with it.
 *
 * <pre>{@code
 * try (Manager manager = Context.processes().manager()) {
 *     Map<String, Object> shared = manager.dict();
 *     List<Object> log = manager.list();
 *     pool.map(item -> { shared.put(item, item.length()); log.add(item); return null; }, items);
 * }
 * }</pre>
 *
 * <p>Beyond Python's: a proxy travels wherever a lock travels (to children, pool tasks, over pipes,
 * inside queue items and other managed objects), with the manager's authkey, and keeps working; a
 * list or map stored in a managed dict or list is managed itself, so reading it back gives a proxy
 * and changing it in place is seen by every process; an object lives while any process holds a
 * proxy to it and is released when the last one is dropped or its process dies; a call that fails in
 * the manager throws the original exception in the caller, with the manager's stack attached as a
 * {@link dev.spindle.RemoteTraceback}. Iterating a managed collection iterates a copy taken at the
 * call, as Python's {@code list(proxy)} does.
 *
 * <p>On a threads context ({@code Context.threads().manager()}) the objects are plain ones of this
 * JVM with the same interfaces (Python's {@code multiprocessing.dummy.Manager}).
 */
public interface Manager extends AutoCloseable {
    /** A new shared map (Python's {@code manager.dict()}), in insertion order; null keys and values allowed. */
    <K, V> Map<K, V> dict();

    /** A new shared list (Python's {@code manager.list()}). */
    <T> List<T> list();

    /** A new shared namespace (Python's {@code manager.Namespace()}). */
    Namespace namespace();

    /** A new shared value of {@code code} (Python's {@code manager.Value(typecode, value)}). */
    <T> Value<T> value(TypeCode<T> code, T initial);

    /** A new shared array of {@code length} zeros of {@code code} (Python's {@code manager.Array}). */
    <T> Array<T> array(TypeCode<T> code, int length);

    /** A new queue of at most {@code maxsize} items, 0 for no limit (Python's {@code manager.Queue(maxsize)}). */
    <T> Queue<T> queue(int maxsize);

    /** A new joinable queue of at most {@code maxsize} items, 0 for no limit. */
    <T> JoinableQueue<T> joinableQueue(int maxsize);

    /** A new lock: not reentrant, released by any holder of a proxy. */
    Lock lock();

    /** A new reentrant lock, released only by the thread that holds it. */
    RLock rlock();

    /** A new semaphore of {@code permits}. */
    Semaphore semaphore(int permits);

    /** A new bounded semaphore of {@code permits}: a release above them is refused. */
    Semaphore boundedSemaphore(int permits);

    /** A new condition over a new reentrant lock of this manager. */
    Condition condition();

    /** A new condition over {@code lock}, a lock of this manager. */
    Condition condition(Lock lock);

    /** A new event, lowered. */
    Event event();

    /** A new barrier of {@code parties}. */
    Barrier barrier(int parties);

    /**
     * The object a {@link ManagerServer} serves as {@code typeid}, as {@code type} (Python's
     * {@code manager.get_queue()} after {@code register('get_queue', ...)}).
     *
     * @throws IllegalArgumentException if the manager registered no such typeid, or its object is
     *                                  not a {@code type}
     */
    <T> T get(String typeid, Class<T> type);

    /** Where the manager listens; null for a threads context's manager. */
    SocketAddress address();

    /** Shuts the manager down (Python's {@code shutdown()}): its process ends and its objects go. Idempotent. */
    void shutdown();

    /** {@link #shutdown()}. */
    @Override
    default void close() {
        shutdown();
    }

    /**
     * Connects to a manager serving at {@code address} (Python's {@code BaseManager(address,
     * authkey).connect()}), from this or another program, on this host or another.
     *
     * @throws dev.spindle.multiprocessing.AuthenticationException if the server has another key
     * @throws ManagerException                                    if nothing serves there
     */
    static Manager connect(SocketAddress address, byte[] authkey) {
        return dev.spindle.internal.manager.RemoteManager.connect(address, authkey);
    }
}
