package dev.spindle.internal.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's links to the clusters it uses, one per settings: pools, and primitives however they
 * arrived here (made here, or decoded from a task), share it and its {@link Wakeups}.
 */
public final class ClusterLinks {
    private static final Map<ClusterSettings, RedisLink> LINKS = new ConcurrentHashMap<>();
    private static final Map<RedisLink, Wakeups> WAKEUPS = new ConcurrentHashMap<>();

    private ClusterLinks() {}

    /**
     * The link to {@code settings}' Redis, made at first use.
     *
     * @throws IllegalStateException if Redis cannot be reached within the settings' timeout
     */
    static RedisLink of(ClusterSettings settings) {
        return LINKS.computeIfAbsent(settings, RedisLink::new);
    }

    /** The wake-ups of {@code settings}' cluster heard by this JVM, subscribed at first use. */
    static Wakeups wakeups(ClusterSettings settings) {
        RedisLink link = of(settings);
        return WAKEUPS.computeIfAbsent(link, l -> new Wakeups(l, new ClusterKeys(settings.name()).wake()));
    }

    /**
     * Closes this JVM's links to the Redis at {@code redisUri}, whose owner shut it down for good
     * ({@code LocalRedis.close()}), so that none goes on reconnecting to it (and saying so in the
     * log) for the rest of the program. A later use makes a new link, which fails if it is still gone.
     */
    public static void closeAll(String redisUri) {
        LINKS.entrySet().removeIf(entry -> {
            if (!entry.getKey().redisUri().equals(redisUri)) {
                return false;
            }
            WAKEUPS.remove(entry.getValue());
            entry.getValue().close();
            return true;
        });
    }
}
