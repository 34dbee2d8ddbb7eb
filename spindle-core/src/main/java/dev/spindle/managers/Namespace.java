package dev.spindle.managers;

import java.util.Map;

/**
 * A bag of named values (Python's {@code manager.Namespace()}, whose attributes are read and set by
 * name): {@code ns.set("x", 1)} is Python's {@code ns.x = 1}, {@code ns.get("x")} its {@code ns.x}.
 * A manager's namespace is shared: every process holding it sees every set.
 */
public interface Namespace {
    /**
     * The value named {@code name}.
     *
     * @throws IllegalArgumentException if none is set (Python's {@code AttributeError})
     */
    <T> T get(String name);

    /** Sets the value named {@code name}. */
    void set(String name, Object value);

    /** Removes the value named {@code name} (Python's {@code del ns.name}); no effect if none. */
    void remove(String name);

    /** A copy of every name and value. */
    Map<String, Object> asMap();
}
