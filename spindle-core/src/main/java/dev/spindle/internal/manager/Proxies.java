package dev.spindle.internal.manager;

import dev.spindle.internal.track.BackgroundThreads;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.travel.Journey;
import dev.spindle.internal.travel.Travel;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serial;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proxies of managed objects: made from a {@link ProxyRef}, each releases its reference when it
 * becomes unreachable, and travels (the JDK makes one proxy class per set of interfaces; each is
 * registered with {@link Travel} when first made) as a {@link Form} that holds a reference in
 * transit on its sender's behalf until it arrives.
 */
final class Proxies {
    private static final Set<Class<?>> TRAVELLING = ConcurrentHashMap.newKeySet();
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("int", int.class, "long", long.class,
            "boolean", boolean.class, "double", double.class, "float", float.class, "short", short.class,
            "byte", byte.class, "char", char.class);

    private Proxies() {}

    /** A proxy of {@code ref}, which owns one reference of this process to its object. */
    static Object proxy(ProxyRef ref) {
        ManagerConnections connections = ManagerConnections.to(ref.address(), ref.authkey());
        Class<?>[] interfaces = ref.interfaces().stream().map(Proxies::interfaceNamed).toArray(Class<?>[]::new);
        Object proxy = Proxy.newProxyInstance(interfaces[0].getClassLoader() != null ? interfaces[0].getClassLoader()
                : Proxies.class.getClassLoader(), interfaces, new ProxyHandler(ref, connections));
        if (TRAVELLING.add(proxy.getClass())) {
            Travel.register(proxy.getClass(), (Travel.Departure<Object>) Proxies::depart);
        }
        long id = ref.id();
        BackgroundThreads.whenUnreachable(proxy, () -> release(connections, id));
        return proxy;
    }

    private static void release(ManagerConnections connections, long id) {
        try {
            connections.call(new Calls.Release(id, null));
        } catch (Throwable managerGoneOrShutDown) {
            // nothing is held where there is no manager
        }
    }

    /** The form of a proxy in transit: its sender retains one reference for it first. */
    private static Travel.Arrival depart(Object proxy, Journey journey) throws NotSerializableException {
        ProxyHandler handler = (ProxyHandler) Proxy.getInvocationHandler(proxy);
        try {
            handler.connections().call(new Calls.Retain(handler.ref().id()));
        } catch (Throwable e) {
            throw new NotSerializableException("a proxy of a manager that cannot be reached cannot be sent: " + e.getMessage());
        }
        return new Form(handler.ref(), ProcessIdentity.self());
    }

    /** A proxy in transit, and whose reference it carries. */
    private record Form(ProxyRef ref, ProcessIdentity sender) implements Travel.Arrival {
        @Serial
        private static final long serialVersionUID = 1L;

        /** In the manager itself, the object; elsewhere, a proxy taking over the sender's reference. */
        @Override
        public Object arrive() throws IOException {
            ManagerService here = ManagerService.serving(ref.address());
            if (here != null) {
                Object object = here.objects().get(ref.id());
                here.objects().release(ref.id(), sender);
                return object;
            }
            ManagerConnections connections = ManagerConnections.to(ref.address(), ref.authkey());
            try {
                connections.call(new Calls.Retain(ref.id()));
                connections.call(new Calls.Release(ref.id(), sender));
            } catch (Throwable e) {
                throw new IOException("a proxy arrived whose manager cannot be reached: " + e.getMessage(), e);
            }
            return proxy(ref);
        }
    }

    /** {@code value} as it arrives from a manager: its references made proxies, in collections too. */
    static Object inbound(Object value) {
        return switch (value) {
            case ProxyRef ref -> proxy(ref);
            case Calls.Optionally optional -> optional.present() ? java.util.Optional.ofNullable(inbound(optional.value()))
                    : java.util.Optional.empty();
            case Set<?> set -> set.stream().map(Proxies::inbound).collect(LinkedHashSet::new, Set::add, Set::addAll);
            case List<?> list -> new ArrayList<>(list.stream().map(Proxies::inbound).toList());
            case Collection<?> collection -> new ArrayList<>(collection.stream().map(Proxies::inbound).toList());
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(inbound(k), inbound(v)));
                yield copy;
            }
            case null, default -> value;
        };
    }

    /** The class named {@code name}, primitive types included, from Spindle's or the caller's loader. */
    static Class<?> classNamed(String name) throws ClassNotFoundException {
        Class<?> primitive = PRIMITIVES.get(name);
        if (primitive != null) {
            return primitive;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, false, context != null ? context : Proxies.class.getClassLoader());
        } catch (ClassNotFoundException notThere) {
            return Class.forName(name, false, Proxies.class.getClassLoader());
        }
    }

    private static Class<?> interfaceNamed(String name) {
        try {
            return classNamed(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a managed object's interface " + name + " is not on this class path", e);
        }
    }
}
