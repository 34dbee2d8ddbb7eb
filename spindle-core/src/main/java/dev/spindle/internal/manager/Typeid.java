package dev.spindle.internal.manager;

import java.util.List;
import java.util.function.Function;

/**
 * What a manager makes under one name: the interfaces its proxies implement and how to make one
 * from the call's arguments (Python's {@code register(typeid, callable)}).
 *
 * @param interfaces the interfaces the object implements and its proxies expose (only their methods are served)
 * @param make       makes the object from the arguments of the call
 */
public record Typeid(List<Class<?>> interfaces, Function<List<Object>, Object> make) {
    public Typeid {
        interfaces = List.copyOf(interfaces);
        for (Class<?> type : interfaces) {
            if (!type.isInterface()) {
                throw new IllegalArgumentException(type.getName() + " is not an interface: a proxy can only implement interfaces");
            }
        }
    }

    List<String> interfaceNames() {
        return interfaces.stream().map(Class::getName).toList();
    }
}
