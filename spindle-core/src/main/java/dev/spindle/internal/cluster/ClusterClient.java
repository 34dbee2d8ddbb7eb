package dev.spindle.internal.cluster;

import dev.spindle.internal.launch.ChildClassPath;
import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.TaskEngine;

/**
 * A client's way into one cluster: this JVM's link to its Redis ({@link ClusterLinks}), reached
 * at the first pool, and its class path, shipped then when the cluster says so.
 */
public final class ClusterClient {
    private final ClusterSettings settings;
    private final ClusterKeys keys;
    private String classPath;

    public ClusterClient(ClusterSettings settings) {
        this.settings = settings;
        this.keys = new ClusterKeys(settings.name());
    }

    /** The cluster's settings. */
    public ClusterSettings settings() {
        return settings;
    }

    /**
     * A task engine whose tasks the cluster's worker hosts run.
     *
     * @throws IllegalStateException if Redis cannot be reached
     */
    public TaskEngine engine(String poolName, PoolConfig config) {
        RedisLink link = ClusterLinks.of(settings);
        return TaskEngine.remote(poolName, config, new ClientChannel(link, keys, settings.taskQueue(), classPath(link)));
    }

    /** This client's shipped class path's manifest hash, shipped at the first pool; "" if it ships none. */
    private synchronized String classPath(RedisLink link) {
        if (classPath == null) {
            classPath = settings.shipClassPath()
                    ? ShippedClassPath.ship(link.shared().sync(), keys, ChildClassPath.entries()) : "";
        }
        return classPath;
    }
}
