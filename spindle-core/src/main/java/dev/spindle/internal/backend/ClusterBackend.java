package dev.spindle.internal.backend;

import dev.spindle.internal.cluster.ClusterClient;
import dev.spindle.internal.cluster.ClusterManager;
import dev.spindle.internal.cluster.ClusterPrimitives;
import dev.spindle.internal.cluster.ClusterSettings;
import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.TaskEngine;
import dev.spindle.managers.Manager;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.SharedMemory;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.SimpleQueue;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;
import java.time.Duration;
import java.util.Comparator;

/**
 * Tasks run by a cluster's worker hosts, through Redis, and primitives kept there: events, locks,
 * rlocks and their conditions, semaphores, values (fenced by their lock), queues and joinable
 * queues, simple queues, and a manager whose dict lives there. The cluster's barriers and arrays
 * are not built yet, and say so.
 */
final class ClusterBackend implements Backend {
    private final ClusterSettings settings;
    private final ClusterClient client;
    private final ClusterPrimitives primitives;

    ClusterBackend(ClusterSettings settings) {
        this.settings = settings;
        this.client = new ClusterClient(settings);
        this.primitives = new ClusterPrimitives(settings);
    }

    @Override
    public TaskEngine engine(String poolName, PoolConfig config, boolean callbacksInWorker) {
        if (config.initializer() != null || config.maxTasksPerChild() > 0 || !config.jvmOptions().isEmpty()) {
            throw new IllegalStateException("a cluster pool's workers are its worker hosts' child JVMs, shared by every"
                    + " client: an initializer, maxTasksPerChild and jvmOptions are set where a worker starts"
                    + " (bin/spindle worker), not by a client");
        }
        return client.engine(poolName, config);
    }

    @Override
    public boolean warmUp(Duration timeout) {
        return true; // the worker hosts start their own JVMs
    }

    private static UnsupportedOperationException notYet(String what) {
        return new UnsupportedOperationException(what + " on a cluster context is not built yet; use a process"
                + " context's " + what + " meanwhile");
    }

    @Override
    public Event event() {
        return primitives.event();
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
    public Semaphore semaphore(int permits, boolean bounded) {
        return primitives.semaphore(permits, bounded);
    }

    @Override
    public boolean makes(Lock lock) {
        return ClusterPrimitives.makes(lock);
    }

    @Override
    public Barrier barrier(int parties, Runnable action, Duration timeout) {
        throw notYet("a Barrier");
    }

    @Override
    public <T> Queue<T> queue(int maxsize, int maxItemBytes) {
        return primitives.queue(maxsize, maxItemBytes);
    }

    @Override
    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return primitives.joinableQueue(maxsize);
    }

    @Override
    public <T> JoinableQueue<T> lifoQueue(int maxsize) {
        throw new UnsupportedOperationException("a LifoQueue is for the threads of one JVM (Python's queue module)");
    }

    @Override
    public <T> JoinableQueue<T> priorityQueue(int maxsize, Comparator<? super T> order) {
        throw new UnsupportedOperationException("a PriorityQueue is for the threads of one JVM (Python's queue module)");
    }

    @Override
    public <T> SimpleQueue<T> simpleQueue() {
        return primitives.simpleQueue();
    }

    @Override
    public <T> Value<T> value(TypeCode<T> code, T initial, Lock lock) {
        return primitives.value(code, initial, lock);
    }

    @Override
    public <T> Array<T> array(TypeCode<T> code, int length, Lock lock) {
        throw notYet("an Array");
    }

    @Override
    public SharedMemory sharedMemory(long size) {
        throw new UnsupportedOperationException("shared memory is one machine's; a cluster spans several");
    }

    @Override
    public Manager manager() {
        return new ClusterManager(settings, primitives);
    }
}
