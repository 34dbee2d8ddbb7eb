package dev.spindle.internal.manager;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The methods a manager's objects expose, found once for each interfaces, name and parameter
 * types: looking one up by reflection ({@code Class.forName} on each type, then {@code getMethod})
 * cost a good part of a call's few microseconds. Only methods found are kept, so what a client can
 * make this hold is bounded by the methods that exist.
 */
final class ExposedMethods {
    private record Key(List<String> interfaces, String method, List<String> parameterTypes) {}

    private final Map<Key, Method> found = new ConcurrentHashMap<>();

    /**
     * The method of one of {@code interfaces} that {@code invoke} names; no other can be called.
     *
     * @throws IllegalArgumentException if none of them has it
     */
    Method of(Object target, List<String> interfaces, Calls.Invoke invoke) throws ClassNotFoundException {
        Key key = new Key(interfaces, invoke.method(), invoke.parameterTypes());
        Method method = found.get(key);
        if (method == null) {
            method = lookUp(target, interfaces, invoke);
            found.put(key, method);
        }
        return method;
    }

    private static Method lookUp(Object target, List<String> interfaces, Calls.Invoke invoke)
            throws ClassNotFoundException {
        if (invoke.method().equals("toString") && invoke.parameterTypes().isEmpty()) {
            try {
                return Object.class.getMethod("toString");
            } catch (NoSuchMethodException impossible) {
                throw new AssertionError(impossible);
            }
        }
        Class<?>[] types = new Class<?>[invoke.parameterTypes().size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = Proxies.classNamed(invoke.parameterTypes().get(i));
        }
        for (String name : interfaces) {
            try {
                return Proxies.classNamed(name).getMethod(invoke.method(), types);
            } catch (NoSuchMethodException notThisOne) {
                // try the next interface
            }
        }
        throw new IllegalArgumentException("'" + invoke.method() + "' is not a method the manager exposes for "
                + target.getClass().getSimpleName() + " " + interfaces);
    }
}
