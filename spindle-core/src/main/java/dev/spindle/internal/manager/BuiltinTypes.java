package dev.spindle.internal.manager;

import dev.spindle.internal.backend.Backend;
import dev.spindle.internal.backend.Backends;
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
import java.util.List;
import java.util.Map;

/**
 * The objects every manager makes (Python's {@code SyncManager}): each typeid's interfaces and its
 * making, from this process's thread primitives — the manager's sessions are its threads.
 */
final class BuiltinTypes {
    private static final Backend THREADS = Backends.of(null, false);

    private BuiltinTypes() {}

    static Map<String, Typeid> all() {
        return Map.ofEntries(
                Map.entry("dict", new Typeid(List.of(Map.class), args -> new ManagedMap())),
                Map.entry("list", new Typeid(List.of(List.class), args -> new ManagedList())),
                Map.entry("namespace", new Typeid(List.of(Namespace.class), args -> new ManagedNamespace())),
                Map.entry("value", new Typeid(List.of(Value.class),
                        args -> THREADS.value(TypeCode.of((Character) args.get(0)), args.get(1), THREADS.rlock()))),
                Map.entry("array", new Typeid(List.of(Array.class),
                        args -> THREADS.array(TypeCode.of((Character) args.get(0)), (Integer) args.get(1), THREADS.rlock()))),
                Map.entry("queue", new Typeid(List.of(Queue.class),
                        args -> THREADS.queue((Integer) args.get(0), Integer.MAX_VALUE))),
                Map.entry("joinableQueue", new Typeid(List.of(JoinableQueue.class),
                        args -> THREADS.joinableQueue((Integer) args.get(0)))),
                Map.entry("lock", new Typeid(List.of(Lock.class), args -> THREADS.lock())),
                Map.entry("rlock", new Typeid(List.of(RLock.class), args -> THREADS.rlock())),
                Map.entry("semaphore", new Typeid(List.of(Semaphore.class),
                        args -> THREADS.semaphore((Integer) args.get(0), false))),
                Map.entry("boundedSemaphore", new Typeid(List.of(Semaphore.class),
                        args -> THREADS.semaphore((Integer) args.get(0), true))),
                Map.entry("condition", new Typeid(List.of(Condition.class),
                        args -> THREADS.condition(args.isEmpty() || args.get(0) == null ? THREADS.rlock() : (Lock) args.get(0)))),
                Map.entry("event", new Typeid(List.of(Event.class), args -> THREADS.event())),
                Map.entry("barrier", new Typeid(List.of(Barrier.class), args -> THREADS.barrier((Integer) args.get(0), null, null))));
    }
}
