package dev.spindle.examples.cluster;

import dev.spindle.Context;
import dev.spindle.cluster.Cluster;
import dev.spindle.cluster.LocalRedis;
import dev.spindle.cluster.Worker;
import dev.spindle.multiprocessing.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster on this machine for the examples: a Redis (the one at {@code redis://…} when given,
 * else a {@link LocalRedis}) and worker hosts, each a child JVM running a {@link Worker} — the
 * stand-ins for {@code celery worker} on other machines. Tasks sent before a host is up wait in
 * Redis for it.
 */
public final class LocalCluster implements AutoCloseable {
    private final LocalRedis redis;
    private final Cluster cluster;
    private final List<ChildProcess> hosts = new ArrayList<>();

    private LocalCluster(LocalRedis redis, Cluster cluster) {
        this.redis = redis;
        this.cluster = cluster;
    }

    /** A cluster named {@code name} on the Redis at {@code args[0]}, or on a new local one. */
    public static LocalCluster start(String name, String... args) throws IOException, InterruptedException {
        LocalRedis redis = args.length > 0 ? null : LocalRedis.start(false);
        URI uri = redis != null ? redis.uri() : URI.create(args[0]);
        return new LocalCluster(redis, Cluster.at(uri).name(name));
    }

    /** Starts a worker host of {@code processes} worker processes in a child JVM. */
    public ChildProcess startHost(int processes) {
        ChildProcess host = new ChildProcess(LocalCluster::serve, cluster.redis().toString(), cluster.name(), processes);
        host.start();
        hosts.add(host);
        return host;
    }

    /** The host's side: a worker that serves until its JVM is told to stop. */
    static void serve(String redis, String name, Integer processes) throws InterruptedException {
        Worker.builder(Cluster.at(redis).name(name)).processes(processes).start();
        Thread.currentThread().join(); // until terminate(), whose SIGTERM ends this JVM and with it the worker's processes
    }

    /** The context whose pools and executors run on this cluster. */
    public Context context() {
        return cluster.context();
    }

    /** Stops the hosts (SIGTERM: each leaves the cluster) and the local Redis; interrupted, it kills them. */
    @Override
    public void close() {
        for (ChildProcess host : hosts) {
            host.terminate();
            try {
                host.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                host.kill();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }
}
