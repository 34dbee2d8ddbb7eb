package dev.spindle.internal.cluster;

import dev.spindle.insights.PoolInsights;
import dev.spindle.insights.TaskFailure;
import dev.spindle.insights.WorkerInsight;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cluster seen from its Redis, for a dashboard: the live worker hosts' reports (their worker
 * processes, outcomes and latest failures) and its task queue (entries waiting, and delivered to a
 * host and not yet completed). Reads only; a host's report that does not decode is skipped.
 */
public final class ClusterWatch implements AutoCloseable {
    private final ClusterSettings settings;
    private final ClusterKeys keys;
    private final RedisLink link;

    private ClusterWatch(ClusterSettings settings) {
        this.settings = settings;
        this.keys = new ClusterKeys(settings.name());
        this.link = new RedisLink(settings);
    }

    /**
     * Watches the cluster {@code settings} name.
     *
     * @throws IllegalStateException if its Redis cannot be reached
     */
    public static ClusterWatch open(ClusterSettings settings) {
        return new ClusterWatch(settings);
    }

    /** The cluster now, as one pool whose workers are every host's processes. */
    public List<PoolInsights> insights() {
        RedisCommands<byte[], byte[]> redis = link.shared().sync();
        List<HostReport> hosts = HostReport.readAll(redis, keys);
        List<WorkerInsight> workers = new ArrayList<>();
        List<TaskFailure> failures = new ArrayList<>();
        long done = 0;
        long failed = 0;
        for (HostReport host : hosts) {
            workers.addAll(host.workersOnHost());
            failures.addAll(host.failures());
            done += host.done();
            failed += host.failed();
        }
        failures.sort(Comparator.comparing(TaskFailure::at).reversed());
        byte[] stream = keys.tasks(settings.taskQueue());
        long entries = redis.xlen(stream);
        long delivered = delivered(redis, stream);
        String name = "cluster " + settings.name() + " (queue " + settings.taskQueue() + ", " + hosts.size()
                + (hosts.size() == 1 ? " host)" : " hosts)");
        return List.of(new PoolInsights(name, "cluster", hosts.isEmpty() ? "no hosts" : "running", true,
                Math.max(0, entries - delivered), delivered, done, failed, workers, List.of(),
                failures.stream().limit(PoolInsights.FAILURES).toList(), Instant.now()));
    }

    /** Entries delivered to a host and not yet completed; 0 before any host made the group. */
    private static long delivered(RedisCommands<byte[], byte[]> redis, byte[] stream) {
        try {
            PendingMessages pending = redis.xpending(stream, ClusterKeys.GROUP);
            return pending.getCount();
        } catch (RedisCommandExecutionException noGroupYet) {
            return 0;
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
