package dev.spindle.internal.cluster;

import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.TaskEngine;

/**
 * A client's way into one cluster: its Redis link, made at the first pool and shared by every
 * pool and executor of the context after it.
 */
public final class ClusterClient {
    private final ClusterSettings settings;
    private RedisLink link;

    public ClusterClient(ClusterSettings settings) {
        this.settings = settings;
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
        return TaskEngine.remote(poolName, config, new ClientChannel(link(), new ClusterKeys(settings.name()), settings.taskQueue()));
    }

    private synchronized RedisLink link() {
        if (link == null) {
            link = new RedisLink(settings);
        }
        return link;
    }
}
