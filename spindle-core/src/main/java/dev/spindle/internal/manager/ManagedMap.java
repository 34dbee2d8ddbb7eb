package dev.spindle.internal.manager;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map a manager keeps, in insertion order as Python's dict: the object behind
 * {@code manager.dict()}, and any map stored inside a managed list or map. Every call on it is made
 * holding its monitor ({@link Session}).
 */
final class ManagedMap extends LinkedHashMap<Object, Object> {
    @Serial
    private static final long serialVersionUID = 1L;

    ManagedMap() {
    }

    ManagedMap(Map<?, ?> entries) {
        super(entries);
    }
}
