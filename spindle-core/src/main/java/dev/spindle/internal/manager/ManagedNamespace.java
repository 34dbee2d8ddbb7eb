package dev.spindle.internal.manager;

import dev.spindle.managers.Namespace;
import java.util.LinkedHashMap;
import java.util.Map;

/** The object behind {@code manager.namespace()}, and a threads context's namespace. Thread-safe. */
public final class ManagedNamespace implements Namespace {
    private final Map<String, Object> values = new LinkedHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("the namespace has no value named '" + name + "'");
        }
        return (T) values.get(name);
    }

    @Override
    public synchronized void set(String name, Object value) {
        values.put(java.util.Objects.requireNonNull(name, "name"), value);
    }

    @Override
    public synchronized void remove(String name) {
        values.remove(name);
    }

    @Override
    public synchronized Map<String, Object> asMap() {
        return new LinkedHashMap<>(values);
    }

    @Override
    public synchronized String toString() {
        StringBuilder text = new StringBuilder("Namespace(");
        values.forEach((name, value) -> text.append(text.length() > 10 ? ", " : "").append(name).append('=').append(value));
        return text.append(')').toString();
    }
}
