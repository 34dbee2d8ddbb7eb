package dev.spindle.internal.cluster;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where a cluster lives and how it keeps time.
 *
 * @param redisUri       {@code redis://[:password@]host:port/db} or {@code rediss://} for TLS
 * @param name           the cluster's name: everything it keeps in Redis is under {@code spindle:<name>:}
 * @param taskQueue      the queue a client's tasks go to (a worker serves the queues it is told)
 * @param lease          how long a task stays a worker host's without a heartbeat from it
 * @param connectTimeout how long reaching Redis, and each command, may take before it fails
 * @param shipClassPath  whether a client ships its class path for the workers to run its tasks with
 */
public record ClusterSettings(String redisUri, String name, String taskQueue, Duration lease, Duration connectTimeout,
                              boolean shipClassPath) implements Serializable {
    /** How often a host renews its leases: several beats fit in one lease, so one late beat loses nothing. */
    public Duration heartbeat() {
        return lease.dividedBy(5);
    }
}
