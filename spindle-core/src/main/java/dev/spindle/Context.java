package dev.spindle;

import dev.spindle.futures.PoolExecutor;
import dev.spindle.futures.ProcessPoolExecutor;
import dev.spindle.function.CheckedBiConsumer;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedConsumer3;
import dev.spindle.function.CheckedConsumer4;
import dev.spindle.function.CheckedConsumer5;
import dev.spindle.function.CheckedConsumer6;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.futures.ThreadPoolExecutor;
import dev.spindle.internal.backend.Backend;
import dev.spindle.internal.backend.Backends;
import dev.spindle.internal.backend.ThreadProcess;
import dev.spindle.internal.cluster.ClusterSettings;
import dev.spindle.cluster.Cluster;
import dev.spindle.managers.Manager;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.SharedMemory;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.SimpleQueue;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where tasks run and how primitives are made (Python's {@code multiprocessing.get_context(...)}
 * and {@code multiprocessing.dummy}): worker processes started one way, platform threads, or
 * virtual threads. A program moves between them by changing one line:
 *
 * <pre>{@code
 * Context ctx = Context.threads();          // or Context.processes(StartMethod.WARM)
 * try (Pool pool = ctx.pool(4)) {
 *     pool.map(Work::run, items);
 * }
 * }</pre>
 *
 * <p>Everything a context makes stays on it: a pool builder of {@code Context.threads()} cannot
 * start processes, and a process context's pools and executors start their workers with its
 * start method. Every primitive is made here — processes, pipes, shared memory, queues, locks,
 * values — one interface for threads and processes; {@link Spindle}'s functions are the default
 * context's.
 *
 * <p>With threads, functions and values are shared, not copied, and a task that times out is
 * interrupted rather than killed. Everything else behaves the same. Contexts are immutable
 * values; two contexts of the same kind and start method are equal.
 */
public final class Context {
    /** What runs a context's tasks. */
    public enum Kind {
        /** Child JVMs. */
        PROCESSES,
        /** Platform threads of this JVM. */
        THREADS,
        /** Virtual threads of this JVM: one per task. */
        VIRTUAL_THREADS,
        /** The worker hosts of a cluster, through Redis: see {@link dev.spindle.cluster.Cluster}. */
        CLUSTER
    }

    private static final Map<StartMethod, Context> PROCESSES = new EnumMap<>(StartMethod.class);
    private static final Context THREADS = new Context(Kind.THREADS, null);
    private static final Context VIRTUAL_THREADS = new Context(Kind.VIRTUAL_THREADS, null);

    private static final Map<Cluster, Context> CLUSTERS = new ConcurrentHashMap<>();

    static {
        for (StartMethod method : StartMethod.values()) {
            PROCESSES.put(method, new Context(Kind.PROCESSES, method));
        }
        Backends.contexts(context -> ((Context) context).backend);
    }

    private final Kind kind;
    private final StartMethod startMethod;
    private final Backend backend;
    private final Cluster cluster;

    private Context(Kind kind, StartMethod startMethod) {
        this.kind = kind;
        this.startMethod = startMethod;
        this.backend = Backends.of(startMethod, kind == Kind.VIRTUAL_THREADS);
        this.cluster = null;
    }

    private Context(Cluster cluster) {
        this.kind = Kind.CLUSTER;
        this.startMethod = null;
        this.backend = Backends.cluster(new ClusterSettings(cluster.redis().toString(), cluster.name(), cluster.queue(),
                cluster.lease(), cluster.timeout(), cluster.shipsClassPath()));
        this.cluster = cluster;
    }

    /**
     * Worker processes started with the default start method ({@link Spindle#setStartMethod},
     * initially {@link StartMethod#SPAWN}) as it is at this call: Python's {@code get_context()}.
     * This is the context behind {@link Spindle} and {@link Pool#builder()}.
     */
    public static Context processes() {
        return processes(Backends.defaultStartMethod());
    }

    /** Worker processes started with {@code method}: Python's {@code get_context('spawn')}. */
    public static Context processes(StartMethod method) {
        return PROCESSES.get(Objects.requireNonNull(method, "method"));
    }

    /** Platform threads of this JVM (Python's {@code multiprocessing.dummy}). */
    public static Context threads() {
        return THREADS;
    }

    /** Virtual threads of this JVM: one per task, with no limit on how many run at once. */
    public static Context virtualThreads() {
        return VIRTUAL_THREADS;
    }

    /**
     * The worker hosts of the cluster on the Redis at {@code redis}, with the default name, queue
     * and lease: {@code Cluster.at(redis).context()}. See {@link #cluster(Cluster)}.
     */
    public static Context cluster(URI redis) {
        return cluster(Cluster.at(redis));
    }

    /**
     * The worker hosts of {@code cluster} ({@code bin/spindle worker}, {@link dev.spindle.cluster.Worker}):
     * its pools and executors keep the contracts of a process context's — {@code map},
     * {@code imap}, {@code starmap}, async results, callbacks in this JVM, timeouts that kill the
     * running task's worker process, {@code cancel}, the task's own exception with the worker's
     * stack — with tasks and outcomes kept in Redis. Functions and arguments must be serializable,
     * as for processes, and their classes on the workers' class path. Redis is reached at the first
     * pool; if it cannot be within the cluster's timeout, making the pool throws
     * {@link IllegalStateException}. Its queues, locks, events, values and managers are not built yet.
     * Equal clusters give the same context, whose pools share one connection.
     */
    public static Context cluster(Cluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return CLUSTERS.computeIfAbsent(cluster, Context::new);
    }

    /** The cluster of a {@link Kind#CLUSTER} context; empty for others. */
    public Optional<Cluster> clusterOf() {
        return Optional.ofNullable(cluster);
    }

    /** What runs this context's tasks. */
    public Kind kind() {
        return kind;
    }

    /** How this context starts processes; empty for thread contexts. */
    public Optional<StartMethod> startMethod() {
        return Optional.ofNullable(startMethod);
    }

    /** A builder for a pool of {@code workers} workers of this context (ignored by virtual threads). */
    public Pool.Builder poolBuilder(int workers) {
        return Pool.builder(this).processes(workers);
    }

    /** A pool of {@link Spindle#cpuCount()} workers. */
    public Pool pool() {
        return pool(Spindle.cpuCount());
    }

    /** A pool of {@code workers} workers (ignored by virtual threads). */
    public Pool pool(int workers) {
        return poolBuilder(workers).build();
    }

    /**
     * An executor of {@code workers} workers (ignored by virtual threads): a
     * {@link ProcessPoolExecutor} for process contexts, else a {@link ThreadPoolExecutor}.
     */
    public PoolExecutor executor(int workers) {
        Pool.Builder builder = poolBuilder(workers);
        return kind == Kind.PROCESSES || kind == Kind.CLUSTER ? new ProcessPoolExecutor(builder) : new ThreadPoolExecutor(builder);
    }

    /**
     * A new process that runs {@code target}, not started: a {@link ChildProcess} with this
     * context's start method on a process context, a thread of this JVM on a threads context
     * (Python's {@code ctx.Process(target=...)} and {@code multiprocessing.dummy.Process}). See
     * {@link BaseProcess} for what {@code terminate} and {@code kill} do on a thread.
     */
    public BaseProcess process(CheckedRunnable target) {
        return process(() -> new ChildProcess(target), target, List.of());
    }

    /** A new process that runs {@code target(argument)}, not started; see {@link #process(CheckedRunnable)}. */
    public <A> BaseProcess process(CheckedConsumer<A> target, A argument) {
        return process(() -> new ChildProcess(target, argument), target, Collections.singletonList(argument));
    }

    /** A new process that runs {@code target(first, second)}, not started; see {@link #process(CheckedRunnable)}. */
    public <A, B> BaseProcess process(CheckedBiConsumer<A, B> target, A first, B second) {
        return process(() -> new ChildProcess(target, first, second), target, Arrays.asList(first, second));
    }

    /** A new process that runs {@code target} with three arguments, not started; see {@link #process(CheckedRunnable)}. */
    public <A, B, C> BaseProcess process(CheckedConsumer3<A, B, C> target, A first, B second, C third) {
        return process(() -> new ChildProcess(target, first, second, third), target, Arrays.asList(first, second, third));
    }

    /** A new process that runs {@code target} with four arguments, not started; see {@link #process(CheckedRunnable)}. */
    public <A, B, C, D> BaseProcess process(CheckedConsumer4<A, B, C, D> target, A first, B second, C third, D fourth) {
        return process(() -> new ChildProcess(target, first, second, third, fourth), target,
                Arrays.asList(first, second, third, fourth));
    }

    /** A new process that runs {@code target} with five arguments, not started; see {@link #process(CheckedRunnable)}. */
    public <A, B, C, D, E> BaseProcess process(CheckedConsumer5<A, B, C, D, E> target, A first, B second, C third,
                                               D fourth, E fifth) {
        return process(() -> new ChildProcess(target, first, second, third, fourth, fifth), target,
                Arrays.asList(first, second, third, fourth, fifth));
    }

    /** A new process that runs {@code target} with six arguments, not started; see {@link #process(CheckedRunnable)}. */
    public <A, B, C, D, E, F> BaseProcess process(CheckedConsumer6<A, B, C, D, E, F> target, A first, B second,
                                                  C third, D fourth, E fifth, F sixth) {
        return process(() -> new ChildProcess(target, first, second, third, fourth, fifth, sixth), target,
                Arrays.asList(first, second, third, fourth, fifth, sixth));
    }

    private BaseProcess process(Supplier<ChildProcess> child, Object target, List<Object> arguments) {
        Objects.requireNonNull(target, "target");
        requireOneMachine("a Process");
        return kind == Kind.PROCESSES
                ? child.get().startMethod(startMethod)
                : new ThreadProcess(target, arguments, kind == Kind.VIRTUAL_THREADS);
    }

    /**
     * The processes of this context started by this JVM that have not ended (Python's
     * {@code active_children()}): on a process context every child JVM, pool workers included,
     * whatever its start method; on a threads context the thread processes of both thread
     * contexts (as {@code multiprocessing.dummy.active_children()}).
     */
    public List<BaseProcess> activeChildren() {
        requireOneMachine("activeChildren");
        return kind == Kind.PROCESSES ? ChildProcess.activeChildren() : ThreadProcess.ACTIVE.list();
    }

    /**
     * A new manager, started (Python's {@code ctx.Manager()}): on a process context a child JVM
     * that serves shared dicts, lists, namespaces, locks, queues and the rest to every process given
     * a proxy; on a threads context plain objects of this JVM with the same interfaces. Close it to
     * shut it down. See {@link Manager}.
     */
    public Manager manager() {
        return backend.manager();
    }

    /** A duplex pipe of this context: see {@link #pipe(boolean)}. */
    public Pipe pipe() {
        return pipe(true);
    }

    /**
     * A new pipe (Python's {@code ctx.Pipe(duplex)}): between processes through shared memory on
     * a process context ({@link Pipe#open(boolean)}), between the threads of this JVM on a threads
     * context ({@link Pipe#inProcess(boolean)}). With {@code duplex} false, the left end only
     * receives and the right end only sends.
     */
    public Pipe pipe(boolean duplex) {
        requireOneMachine("a Pipe");
        return kind == Kind.PROCESSES ? Pipe.open(duplex) : Pipe.inProcess(duplex);
    }

    /**
     * A new zero-filled block of {@code size} bytes of shared memory, with a generated name: a
     * tracked {@code /dev/shm} block that child processes attach on a process context
     * ({@link SharedMemory#create(long)}), native memory of this JVM on a threads context.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public SharedMemory sharedMemory(long size) {
        return backend.sharedMemory(size);
    }

    /**
     * Readies this context's way of starting workers, so that the first start does not pay for
     * it, and waits at most {@code timeout}: {@link StartMethod#WARM} starts its idle JVMs (as
     * {@link Spindle#warmUp}); {@link StartMethod#SPAWN} makes the JDK start-up cache that is
     * otherwise made in the background on first use (for a class path of jars). Threads need
     * nothing.
     *
     * @return true if starting is ready; false if not by the deadline, or if no start-up cache
     *         can be made for this class path
     */
    public boolean warmUp(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return backend.warmUp(timeout);
    }

    /**
     * A new {@link Event}, lowered: for a process context one that child processes and pool tasks
     * share when it is passed to them (Python's {@code multiprocessing.Event()}, which lives while
     * this process keeps it reachable); for a thread context one for the threads of this JVM
     * (Python's {@code threading.Event()}).
     */
    public Event event() {
        return backend.event();
    }

    /**
     * A new {@link Lock}, free (Python's {@code Lock()}): for a process context one that child
     * processes and pool tasks share when it is passed to them, handed on with
     * {@link Lock#ownerDied()} when its holder's process dies; for a thread context one for the
     * threads of this JVM.
     */
    public Lock lock() {
        return backend.lock();
    }

    /** A new {@link RLock}, free (Python's {@code RLock()}); shared as {@link #lock()}'s are. */
    public RLock rlock() {
        return backend.rlock();
    }

    /**
     * A new {@link Condition} over {@code lock} (Python's {@code Condition(lock)}), which must be a
     * {@link #lock()} or {@link #rlock()} of a context of the same kind (processes, or threads).
     *
     * @throws IllegalArgumentException if {@code lock} is another kind's
     */
    public Condition condition(Lock lock) {
        return backend.condition(Objects.requireNonNull(lock, "lock"));
    }

    /** A new {@link Condition} over a new {@link #rlock()} (Python's {@code Condition()}). */
    public Condition condition() {
        return condition(rlock());
    }

    /**
     * A new {@link Barrier} of {@code parties} (Python's {@code Barrier(parties)}); shared as
     * {@link #lock()}'s are, and a cross-process one breaks when a party's process dies.
     *
     * @throws IllegalArgumentException if {@code parties} is below 1
     */
    public Barrier barrier(int parties) {
        return backend.barrier(parties, null, null);
    }

    /**
     * A new {@link Barrier} of {@code parties} whose last party to arrive runs {@code action}
     * before the others go on (Python's {@code Barrier(parties, action)}). For a process context
     * the action runs in whichever process arrives last, so it must be serializable (a
     * {@link dev.spindle.function.SerializableRunnable}).
     *
     * @throws IllegalArgumentException if {@code parties} is below 1, or a process context's action is not serializable
     */
    public Barrier barrier(int parties, Runnable action) {
        return backend.barrier(parties, Objects.requireNonNull(action, "action"), null);
    }

    /**
     * A new {@link Barrier} of {@code parties} whose {@link Barrier#await()} waits at most
     * {@code timeout} before it breaks the barrier (Python's
     * {@code Barrier(parties, action, timeout)}); {@code action} as {@link #barrier(int, Runnable)}'s,
     * or null for none. {@code await(Duration)} still waits as long as it is told.
     *
     * @throws IllegalArgumentException if {@code parties} is below 1, {@code timeout} is negative,
     *         or a process context's action is not serializable
     */
    public Barrier barrier(int parties, Runnable action, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a Barrier's timeout must not be negative: " + timeout);
        }
        return backend.barrier(parties, action, timeout);
    }

    /**
     * A new {@link Semaphore} of {@code permits} (Python's {@code Semaphore(value)}); shared as
     * {@link #lock()}'s are, and a cross-process one gets back the permits of a process that died
     * holding them.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore semaphore(int permits) {
        return backend.semaphore(permits, false);
    }

    /**
     * A new bounded {@link Semaphore} of {@code permits} (Python's {@code BoundedSemaphore(value)}):
     * a release that would take it above {@code permits} throws {@link IllegalStateException}.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore boundedSemaphore(int permits) {
        return backend.semaphore(permits, true);
    }

    /**
     * A new unbounded FIFO {@link Queue} (Python's {@code Queue()}): for a process context one that
     * child processes and pool tasks share when it is passed to them, items copied into shared
     * memory at {@code put} (Python's {@code multiprocessing.Queue}, which lives while this process
     * keeps it reachable); for a thread context one for the threads of this JVM, items handed over
     * (Python's {@code queue.Queue}).
     */
    public <T> Queue<T> queue() {
        return queue(0);
    }

    /**
     * A new {@link Queue} of at most {@code maxsize} items (Python's {@code Queue(maxsize)}; 0:
     * no limit), shared as {@link #queue()}'s.
     *
     * @throws IllegalArgumentException if {@code maxsize} is negative
     */
    public <T> Queue<T> queue(int maxsize) {
        return queue(maxsize, ReadLimits.defaults().maxBytes());
    }

    /**
     * A new {@link Queue} of at most {@code maxsize} items (0: no limit) that refuses, at
     * {@code put}, an item whose encoded form is above {@code maxItemBytes} (a thread context
     * encodes nothing, so has no such limit). By default the limit is
     * {@link ReadLimits#defaults()}'s {@code maxBytes}, as for pipes and pools (64 MiB unless
     * {@code -Dspindle.read.maxBytes} says otherwise); items above half the queue's ring (a few
     * MiB) travel in a segment of their own.
     *
     * @throws IllegalArgumentException if either is negative
     */
    public <T> Queue<T> queue(int maxsize, int maxItemBytes) {
        return backend.queue(maxsize, maxItemBytes);
    }

    /** A new unbounded {@link JoinableQueue} (Python's {@code JoinableQueue()}), shared as {@link #queue()}'s. */
    public <T> JoinableQueue<T> joinableQueue() {
        return joinableQueue(0);
    }

    /**
     * A new {@link JoinableQueue} of at most {@code maxsize} items (0: no limit), shared as
     * {@link #queue()}'s; for a process context any process may call {@code taskDone()} and
     * {@code join()}.
     *
     * @throws IllegalArgumentException if {@code maxsize} is negative
     */
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return backend.joinableQueue(maxsize);
    }

    /**
     * A new {@link JoinableQueue} whose newest item comes out first (Python's
     * {@code queue.LifoQueue(maxsize)}; 0: no limit), for the threads of this JVM. Like all of
     * Python's {@code queue} classes it has {@code taskDone()}, {@code join()} and
     * {@link Queue#shutdown(boolean) shutdown}; its iterator walks the items newest first.
     *
     * @throws UnsupportedOperationException on a process context (Python's {@code multiprocessing}
     *         has FIFO queues only)
     * @throws IllegalArgumentException if {@code maxsize} is negative
     */
    public <T> JoinableQueue<T> lifoQueue(int maxsize) {
        return backend.lifoQueue(maxsize);
    }

    /**
     * A new {@link JoinableQueue} whose smallest item, by natural order, comes out first (Python's
     * {@code queue.PriorityQueue(maxsize)}; 0: no limit): see {@link #priorityQueue(int, Comparator)}.
     * An item that is not {@link Comparable} fails its put with {@link ClassCastException}.
     */
    public <T> JoinableQueue<T> priorityQueue(int maxsize) {
        return backend.priorityQueue(maxsize, null);
    }

    /**
     * A new {@link JoinableQueue} whose smallest item by {@code order} comes out first (Python's
     * {@code queue.PriorityQueue}, whose items are usually {@code (priority, data)} tuples: here a
     * record and a comparator on its priority), for the threads of this JVM. Bounded when
     * {@code maxsize} is above 0: a full queue makes {@code put} wait and {@code putNowait} throw
     * {@link dev.spindle.queue.Full}, which {@code java.util.concurrent.PriorityBlockingQueue}
     * cannot. Items of equal rank come out in no set order (as in Python, where ties compare the
     * data). Its iterator walks the items in no particular order.
     *
     * @throws UnsupportedOperationException on a process context (Python's {@code multiprocessing}
     *         has FIFO queues only)
     * @throws IllegalArgumentException if {@code maxsize} is negative
     */
    public <T> JoinableQueue<T> priorityQueue(int maxsize, Comparator<? super T> order) {
        return backend.priorityQueue(maxsize, Objects.requireNonNull(order, "order"));
    }

    /** A new {@link SimpleQueue} (Python's {@code SimpleQueue()}), shared as {@link #queue()}'s. */
    public <T> SimpleQueue<T> simpleQueue() {
        return backend.simpleQueue();
    }

    /**
     * A new {@link Value} of {@code code}, {@code initial}, with a lock (Python's
     * {@code Value(typecode, value)}): for a process context one in shared memory that child
     * processes and pool tasks share when it is passed to them, its lock with it; for a thread
     * context one for the threads of this JVM. Its lock is a new {@link #rlock()}.
     */
    public <T> Value<T> value(TypeCode<T> code, T initial) {
        return value(code, initial, rlock());
    }

    /**
     * A new {@link Value} guarded by {@code lock} (Python's {@code Value(typecode, value, lock=lock)}):
     * {@link Value#getLock()} returns that lock, so one lock can guard several values.
     *
     * @throws IllegalArgumentException if {@code lock} is not a {@link #lock()} or {@link #rlock()}
     *         of a context of this kind (processes, or threads)
     */
    public <T> Value<T> value(TypeCode<T> code, T initial, Lock lock) {
        return backend.value(Objects.requireNonNull(code, "code"), initial, guarding(lock));
    }

    /** A new {@link Value} without a lock (Python's {@code RawValue(typecode, value)}), shared as {@link #value}'s. */
    public <T> Value<T> rawValue(TypeCode<T> code, T initial) {
        return backend.value(Objects.requireNonNull(code, "code"), initial, null);
    }

    /**
     * A new {@link Array} of {@code length} zeros of {@code code}, with a new {@link #rlock()}
     * (Python's {@code Array(typecode, size)}), shared as {@link #value}'s.
     *
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public <T> Array<T> array(TypeCode<T> code, int length) {
        return array(code, length, rlock());
    }

    /**
     * A new {@link Array} of {@code length} zeros guarded by {@code lock} (Python's
     * {@code Array(typecode, size, lock=lock)}), whose {@link Array#getLock()} returns it.
     *
     * @throws IllegalArgumentException if {@code length} is negative, or {@code lock} is not a
     *         {@link #lock()} or {@link #rlock()} of a context of this kind
     */
    public <T> Array<T> array(TypeCode<T> code, int length, Lock lock) {
        return backend.array(Objects.requireNonNull(code, "code"), length, guarding(lock));
    }

    /** A new {@link Array} of {@code values}, with a lock (Python's {@code Array(typecode, sequence)}), shared as {@link #value}'s. */
    public <T> Array<T> array(TypeCode<T> code, List<? extends T> values) {
        return filled(array(code, values.size()), values);
    }

    /** A new {@link Array} of {@code values} guarded by {@code lock}; see {@link #array(TypeCode, int, Lock)}. */
    public <T> Array<T> array(TypeCode<T> code, List<? extends T> values, Lock lock) {
        return filled(array(code, values.size(), lock), values);
    }

    /** A new {@link Array} of {@code length} zeros without a lock (Python's {@code RawArray(typecode, size)}). */
    public <T> Array<T> rawArray(TypeCode<T> code, int length) {
        return backend.array(Objects.requireNonNull(code, "code"), length, null);
    }

    /** A new {@link Array} of {@code values} without a lock (Python's {@code RawArray(typecode, sequence)}). */
    public <T> Array<T> rawArray(TypeCode<T> code, List<? extends T> values) {
        return filled(rawArray(code, values.size()), values);
    }

    private static <T> Array<T> filled(Array<T> array, List<? extends T> values) {
        array.setSlice(0, values);
        return array;
    }

    /** {@code lock}, if this context's backend makes its kind: a value and its lock must be able to go to the same places. */
    private Lock guarding(Lock lock) {
        if (!backend.makes(Objects.requireNonNull(lock, "lock"))) {
            throw new IllegalArgumentException("a value or array of " + this
                    + " needs a Lock or RLock of the same kind of context (threads or processes), not " + lock);
        }
        return lock;
    }

    private void requireOneMachine(String what) {
        if (kind == Kind.CLUSTER) {
            throw new UnsupportedOperationException(what + " is one machine's: a cluster context runs pool and executor tasks");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CLUSTER -> "Context.cluster(" + cluster + ")";
            case PROCESSES -> "Context.processes(" + startMethod + ")";
            case THREADS -> "Context.threads()";
            case VIRTUAL_THREADS -> "Context.virtualThreads()";
        };
    }
}
