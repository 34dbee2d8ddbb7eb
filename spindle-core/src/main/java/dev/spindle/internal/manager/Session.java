package dev.spindle.internal.manager;

import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.transport.Transport;
import dev.spindle.managers.Namespace;
import dev.spindle.multiprocessing.Array;
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
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One client connection of a manager, served by one thread for its whole life: so a client thread
 * that takes a managed {@code RLock} holds it through the same manager thread every time, as
 * CPython's one connection per client thread does. It remembers the locks and permits its client
 * took and has not given back, and gives them back when the connection ends — its process died, or
 * dropped the thread — as the cross-process locks do when their owner dies.
 */
final class Session implements Runnable {
    private static final Set<String> TAKES = Set.of("lock", "lockInterruptibly", "tryLock", "acquire", "tryAcquire");
    private static final Set<String> GIVES = Set.of("unlock", "release");

    private final ManagerService service;
    private final Deque<Object> held = new ArrayDeque<>();
    private Transport end;
    /** The ring a {@link Calls.UseRing} brought, taken up once its answer has gone over the socket. */
    private Transport ring;
    private ProcessIdentity client;

    Session(ManagerService service, Transport end) {
        this.service = service;
        this.end = end;
    }

    @Override
    public void run() {
        try {
            while (true) {
                byte[] message;
                try {
                    message = end.receive(Integer.MAX_VALUE);
                } catch (EOFException | RuntimeException gone) {
                    return;
                }
                Object reply;
                boolean shutdown = false;
                try {
                    Calls.Call call = (Calls.Call) Calls.decode(message);
                    shutdown = call instanceof Calls.Shutdown;
                    reply = new Calls.Reply(answer(call));
                } catch (Throwable failure) {
                    reply = new Calls.Raised(ExceptionTransport.encode(failure));
                }
                end.send(encoded(reply));
                if (ring != null) {
                    end = service.replaceConnection(end, ring);
                    ring = null;
                }
                if (shutdown) {
                    service.close();
                    return;
                }
            }
        } catch (IOException connectionBroke) {
            // the client is gone; what it held is given back below
        } finally {
            giveBackHeld();
            end.close();
            service.sessionEnded(end, client);
        }
    }

    /** The reply's bytes; a result that cannot be sent is answered with why, as its call threw. */
    private static byte[] encoded(Object reply) {
        try {
            return Calls.encode(reply);
        } catch (RuntimeException unsendable) {
            return Calls.encode(new Calls.Raised(ExceptionTransport.encode(unsendable)));
        }
    }

    private Object answer(Calls.Call call) throws Throwable {
        ManagedObjects objects = service.objects();
        return switch (call) {
            case Calls.Hello hello -> {
                client = hello.process();
                yield null;
            }
            case Calls.UseRing use -> {
                ring = use.ring();
                yield true;
            }
            case Calls.Create create -> {
                Typeid typeid = service.typeid(create.typeid());
                Object made = typeid.make().apply(create.args());
                yield new ProxyRef(service.addressText(), service.key(), objects.retainNew(made, typeid.interfaceNames(), client),
                        typeid.interfaceNames());
            }
            case Calls.Invoke invoke -> invoke(objects.get(invoke.id()), objects.interfaces(invoke.id()), invoke);
            case Calls.Retain retain -> {
                objects.retain(retain.id(), client);
                yield null;
            }
            case Calls.Release release -> {
                objects.release(release.id(), release.holder() != null ? release.holder() : client);
                yield null;
            }
            case Calls.Shutdown shutdown -> null;
        };
    }

    private Object invoke(Object target, List<String> interfaces, Calls.Invoke invoke) throws Throwable {
        Method method = service.exposedMethods().of(target, interfaces, invoke);
        if (target instanceof Lock && method.getName().equals("ownerDied")) {
            return service.ownerDeaths().marked(target);
        }
        Object[] args = invoke.args().toArray();
        adopt(target, method.getName(), args);
        try {
            if (target instanceof ManagedList || target instanceof ManagedMap) {
                synchronized (target) {
                    return outbound(method.invoke(target, args));
                }
            }
            Object result = method.invoke(target, args);
            track(target, method.getName(), args, result);
            return outbound(result);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Lists and maps put into a managed list or map become managed too, so they are shared by reference. */
    private static void adopt(Object target, String method, Object[] args) {
        if (!(target instanceof ManagedList || target instanceof ManagedMap || target instanceof Namespace)) {
            return;
        }
        switch (method) {
            case "add", "set", "put", "putIfAbsent", "replace" -> args[args.length - 1] = adopted(args[args.length - 1]);
            case "addAll" -> args[args.length - 1] = ((Collection<?>) args[args.length - 1]).stream().map(Session::adopted).toList();
            case "putAll" -> {
                Map<Object, Object> values = new LinkedHashMap<>();
                ((Map<?, ?>) args[0]).forEach((k, v) -> values.put(k, adopted(v)));
                args[0] = values;
            }
            default -> { }
        }
    }

    private static Object adopted(Object value) {
        return switch (value) {
            case ManagedList list -> list;
            case ManagedMap map -> map;
            case List<?> list -> new ManagedList(list.stream().map(Session::adopted).toList());
            case Map<?, ?> map -> {
                ManagedMap managed = new ManagedMap();
                map.forEach((k, v) -> managed.put(k, adopted(v)));
                yield managed;
            }
            case null, default -> value;
        };
    }

    /** A result as it travels back: managed objects by reference, collections copied, values as they are. */
    private Object outbound(Object value) {
        if (value == null) {
            return null;
        }
        List<String> interfaces = proxyInterfaces(value);
        if (interfaces != null) {
            return new ProxyRef(service.addressText(), service.key(), service.objects().retainNew(value, interfaces, client), interfaces);
        }
        return switch (value) {
            case Optional<?> optional -> new Calls.Optionally(optional.map(this::outbound).orElse(null), optional.isPresent());
            case Set<?> set -> copy(set, new LinkedHashSet<>());
            case Collection<?> collection -> copy(collection, new ArrayList<>());
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(outbound(k), outbound(v)));
                yield copy;
            }
            default -> value;
        };
    }

    private <C extends Collection<Object>> C copy(Collection<?> from, C to) {
        for (Object item : from) {
            to.add(outbound(item));
        }
        return to;
    }

    /** The interfaces a proxy of {@code value} implements, if it is handed out by reference; else null. */
    private List<String> proxyInterfaces(Object value) {
        List<String> known = service.objects().interfacesOf(value);
        if (known != null) {
            return known;
        }
        return switch (value) {
            case ManagedList list -> List.of(List.class.getName());
            case ManagedMap map -> List.of(Map.class.getName());
            case Namespace namespace -> List.of(Namespace.class.getName());
            case Condition condition -> List.of(Condition.class.getName());
            case RLock lock -> List.of(RLock.class.getName());
            case Lock lock -> List.of(Lock.class.getName());
            case Semaphore semaphore -> List.of(Semaphore.class.getName());
            case Event event -> List.of(Event.class.getName());
            case Barrier barrier -> List.of(Barrier.class.getName());
            case JoinableQueue<?> queue -> List.of(JoinableQueue.class.getName());
            case Queue<?> queue -> List.of(Queue.class.getName());
            case SimpleQueue<?> queue -> List.of(SimpleQueue.class.getName());
            case Value<?> v -> List.of(Value.class.getName());
            case Array<?> a -> List.of(Array.class.getName());
            default -> null;
        };
    }

    /** Remembers a lock or permit taken, and forgets one given back. */
    private void track(Object target, String method, Object[] args, Object result) {
        if (!(target instanceof Lock || target instanceof Semaphore)) {
            return;
        }
        int count = args.length == 1 && args[0] instanceof Integer n ? n : 1;
        if (TAKES.contains(method) && !Boolean.FALSE.equals(result)) {
            for (int i = 0; i < count; i++) {
                held.push(target);
            }
        } else if (GIVES.contains(method)) {
            for (int i = 0; i < count; i++) {
                held.removeFirstOccurrence(target);
            }
            service.ownerDeaths().released(target);
        }
    }

    private void giveBackHeld() {
        boolean died = client == null || !client.isAlive();
        while (!held.isEmpty()) {
            Object taken = held.pop();
            try {
                if (taken instanceof Lock lock) {
                    if (died) {
                        service.ownerDeaths().mark(lock); // before the release: its next holder must see it
                    }
                    lock.unlock();
                } else if (taken instanceof Semaphore semaphore) {
                    semaphore.release();
                }
            } catch (RuntimeException alreadyFree) {
                // given back another way meanwhile
            }
        }
    }
}
