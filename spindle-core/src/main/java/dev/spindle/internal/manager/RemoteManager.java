package dev.spindle.internal.manager;

import dev.spindle.function.CheckedConsumer;
import dev.spindle.internal.launch.LaunchedProcess;
import dev.spindle.internal.launch.ProcessSpec;
import dev.spindle.internal.pipe.PipeEnd;
import dev.spindle.internal.transport.AuthKeys;
import dev.spindle.managers.Manager;
import dev.spindle.managers.ManagerException;
import dev.spindle.managers.Namespace;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.StartMethod;
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
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A manager served by another process: by a child JVM this one started ({@link #start}), or by
 * any program serving at an address ({@link #connect}). Every object it makes is a proxy.
 */
public final class RemoteManager implements Manager {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final ManagerConnections connections;
    /** The manager's child JVM, if this process started it. */
    private final LaunchedProcess process;

    private RemoteManager(ManagerConnections connections, LaunchedProcess process) {
        this.connections = connections;
        this.process = process;
    }

    /** Starts a manager in a new daemon child JVM, by {@code method}. */
    @SuppressWarnings("serial") // ManagerService::runInChild is Spindle's own entry, meant to be run by children
    public static RemoteManager start(StartMethod method) {
        PipeEnd[] pipe = PipeEnd.create(false, PipeEnd.DEFAULT_CAPACITY, 4096);
        CheckedConsumer<PipeEnd> main = ManagerService::runInChild;
        LaunchedProcess child;
        try {
            child = LaunchedProcess.start(new ProcessSpec("Manager-" + COUNTER.incrementAndGet(), true, main,
                    List.<Object>of(pipe[1]), List.of(), method), ManagerService.class, null);
        } finally {
            pipe[1].close();
        }
        try (PipeEnd fromChild = pipe[0]) {
            if (!fromChild.poll(START_TIMEOUT.toNanos())) {
                child.kill();
                throw new ManagerException("the manager process did not start within " + START_TIMEOUT, null);
            }
            String address = new String(fromChild.receive(4096), StandardCharsets.UTF_8);
            return new RemoteManager(ManagerConnections.to(address, AuthKeys.current()), child);
        } catch (IOException e) {
            child.kill();
            throw new ManagerException("the manager process ended before it served: " + e.getMessage(), e);
        }
    }

    /** A manager serving at {@code address} with {@code authkey}, checked by a first call. */
    public static RemoteManager connect(SocketAddress address, byte[] authkey) {
        RemoteManager manager = new RemoteManager(ManagerConnections.to(Addresses.format(address), authkey), null);
        manager.call(new Calls.Hello(dev.spindle.internal.track.ProcessIdentity.self())); // opens and authenticates a connection
        return manager;
    }

    @Override
    public <K, V> Map<K, V> dict() {
        return create("dict", Map.class);
    }

    @Override
    public <T> List<T> list() {
        return create("list", List.class);
    }

    @Override
    public Namespace namespace() {
        return create("namespace", Namespace.class);
    }

    @Override
    public <T> Value<T> value(TypeCode<T> code, T initial) {
        return create("value", Value.class, code.code(), code.cast(initial));
    }

    @Override
    public <T> Array<T> array(TypeCode<T> code, int length) {
        return create("array", Array.class, code.code(), length);
    }

    @Override
    public <T> Queue<T> queue(int maxsize) {
        return create("queue", Queue.class, maxsize);
    }

    @Override
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return create("joinableQueue", JoinableQueue.class, maxsize);
    }

    @Override
    public Lock lock() {
        return create("lock", Lock.class);
    }

    @Override
    public RLock rlock() {
        return create("rlock", RLock.class);
    }

    @Override
    public Semaphore semaphore(int permits) {
        return create("semaphore", Semaphore.class, permits);
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        return create("boundedSemaphore", Semaphore.class, permits);
    }

    @Override
    public Condition condition() {
        return create("condition", Condition.class, (Object) null);
    }

    @Override
    public Condition condition(Lock lock) {
        return create("condition", Condition.class, lock);
    }

    @Override
    public Event event() {
        return create("event", Event.class);
    }

    @Override
    public Barrier barrier(int parties) {
        return create("barrier", Barrier.class, parties);
    }

    @Override
    public <T> T get(String typeid, Class<T> type) {
        Object made = call(new Calls.Create(typeid, List.of()));
        if (!type.isInstance(made)) {
            throw new IllegalArgumentException("the manager's '" + typeid + "' is not a " + type.getName() + ": " + made);
        }
        return type.cast(made);
    }

    @SuppressWarnings("unchecked")
    private <T> T create(String typeid, Class<?> type, Object... args) {
        return (T) type.cast(call(new Calls.Create(typeid, Arrays.asList(args))));
    }

    private Object call(Calls.Call call) {
        try {
            return Proxies.inbound(connections.call(call));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the manager failed: " + e, e);
        }
    }

    @Override
    public SocketAddress address() {
        return Addresses.parse(connections.addressText());
    }

    /** Asks the manager to end; waits for its child JVM, if this process started it, and kills it if it lingers. */
    @Override
    public void shutdown() {
        try {
            connections.call(new Calls.Shutdown());
        } catch (Throwable goneAlready) {
            // nothing is left to shut down
        }
        connections.closeAll();
        if (process != null) {
            try {
                if (!process.join(EXIT_WAIT)) {
                    process.kill();
                    process.join();
                }
            } catch (InterruptedException e) {
                process.kill();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "Manager[" + connections.addressText() + "]";
    }
}
