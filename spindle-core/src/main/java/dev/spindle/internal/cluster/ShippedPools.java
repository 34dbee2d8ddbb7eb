package dev.spindle.internal.cluster;

import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.TaskEngine;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A worker host's pools for the clients that shipped their class path: one pool of child JVMs per
 * class path, whose workers have its entries after the host's own class path. The entries are
 * fetched once into a cache folder; beyond {@value #KEPT} class paths, the least lately used pool
 * finishes what it holds and ends.
 */
final class ShippedPools {
    private static final int KEPT = 4;

    private final RedisLink link;
    private final ClusterKeys keys;
    private final Path cache;
    private final Function<String, PoolConfig> config;
    private final LinkedHashMap<String, TaskEngine> pools = new LinkedHashMap<>(16, 0.75f, true);

    /** @param config the config of a pool whose workers get this class path added */
    ShippedPools(RedisLink link, ClusterKeys keys, Path cache, Function<String, PoolConfig> config) {
        this.link = link;
        this.keys = keys;
        this.cache = cache;
        this.config = config;
    }

    /**
     * The pool for tasks of the class path {@code manifest}, made (and its entries fetched) at
     * first use.
     *
     * @throws IllegalStateException if the class path is no longer in the cluster, or is damaged
     */
    synchronized TaskEngine poolFor(String manifest) {
        TaskEngine pool = pools.get(manifest);
        if (pool != null) {
            return pool;
        }
        List<Path> entries = ShippedClassPath.fetch(link.shared().sync(), keys, manifest, cache);
        String added = entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        pool = TaskEngine.processes("cluster-host-" + manifest.substring(0, 8), config.apply(added));
        pools.put(manifest, pool);
        if (pools.size() > KEPT) {
            Iterator<Map.Entry<String, TaskEngine>> eldest = pools.entrySet().iterator();
            eldest.next().getValue().shutdown(); // it finishes what it holds, then its workers end
            eldest.remove();
        }
        return pool;
    }

    /** Every pool, for the host's own shutdown. */
    synchronized List<TaskEngine> all() {
        return new ArrayList<>(pools.values());
    }
}
