package dev.spindle.internal.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The functions a host has seen, by content hash: a task that names a function by its hash alone
 * finds it here, or in Redis, where its client stored it.
 */
final class FunctionCache {
    private static final int KEPT = 256;

    private final RedisLink link;
    private final ClusterKeys keys;
    private final Map<String, byte[]> known = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    FunctionCache(RedisLink link, ClusterKeys keys) {
        this.link = link;
        this.keys = keys;
    }

    /** Keeps the bytes a task brought, and returns the copy kept (so equal functions are one array). */
    synchronized byte[] remember(String hash, byte[] function) {
        byte[] kept = known.putIfAbsent(hash, function);
        return kept != null ? kept : function;
    }

    /** The function stored under {@code hash}; null if it is not kept here nor stored any more. */
    byte[] find(String hash) {
        synchronized (this) {
            byte[] kept = known.get(hash);
            if (kept != null) {
                return kept;
            }
        }
        byte[] stored = link.shared().sync().get(keys.function(hash));
        return stored == null ? null : remember(hash, stored);
    }
}
