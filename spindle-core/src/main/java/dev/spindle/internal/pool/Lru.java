package dev.spindle.internal.pool;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that forgets its least recently used entry. The parent's view of what a worker
 * knows and the worker's own table are both Lru maps of the same capacity, updated by the same
 * sequence of operations, so the two stay identical without any message about evictions.
 */
@SuppressWarnings("serial") // a LinkedHashMap for its eviction order; never serialized
final class Lru<K, V> extends LinkedHashMap<K, V> {
    static final int FUNCTIONS_PER_WORKER = 256;
    private final int capacity;

    Lru(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
