package dev.spindle.internal.manager;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a proxy's calls do: each method of its interfaces runs in the manager, on this thread's
 * connection; a default method runs here over the others (as the interface writes it); iterating
 * iterates a copy of the contents taken at the call (Python's {@code list(proxy)}); two proxies are
 * equal when they stand for the same managed object.
 */
final class ProxyHandler implements InvocationHandler {
    /** Each interface method's parameter type names, as a call names them: made once, not at every call. */
    private static final Map<Method, List<String>> PARAMETER_TYPES = new ConcurrentHashMap<>();

    private final ProxyRef ref;
    private final ManagerConnections connections;

    ProxyHandler(ProxyRef ref, ManagerConnections connections) {
        this.ref = ref;
        this.connections = connections;
    }

    ProxyRef ref() {
        return ref;
    }

    ManagerConnections connections() {
        return connections;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object[] arguments = args == null ? new Object[0] : args;
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> arguments[0] != null && Proxy.isProxyClass(arguments[0].getClass())
                        && Proxy.getInvocationHandler(arguments[0]) instanceof ProxyHandler other
                        && other.ref.id() == ref.id() && other.ref.address().equals(ref.address());
                case "hashCode" -> Objects.hash(ref.address(), ref.id());
                default -> remote("toString", List.of(), List.of());
            };
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (method.getName().equals("iterator") || method.getName().equals("listIterator")) {
            List<Object> copy = Arrays.asList((Object[]) remote("toArray", List.of(), List.of()));
            return method.getName().equals("iterator") ? copy.iterator()
                    : copy.listIterator(arguments.length == 0 ? 0 : (Integer) arguments[0]);
        }
        return remote(method.getName(), PARAMETER_TYPES.computeIfAbsent(method,
                m -> Arrays.stream(m.getParameterTypes()).map(Class::getName).toList()), Arrays.asList(arguments));
    }

    private Object remote(String method, List<String> parameterTypes, List<Object> args) throws Throwable {
        return Proxies.inbound(connections.call(new Calls.Invoke(ref.id(), method, parameterTypes, args)));
    }
}
