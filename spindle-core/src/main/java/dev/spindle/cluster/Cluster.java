package dev.spindle.cluster;

import dev.spindle.Context;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a cluster is: its Redis, its name, the queue its clients' tasks go to, and how long a
 * task stays a dead host's before another host takes it over. An immutable value; its
 * {@link #context()} hands out pools and executors whose tasks the cluster's workers
 * ({@link Worker}, {@code bin/spindle worker}) run:
 *
 * <pre>{@code
 * Context cluster = Cluster.at("redis://127.0.0.1:6379").context();   // or Context.cluster(uri)
 * try (Pool pool = cluster.pool(4)) {
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3));
 * }
 * }</pre>
 *
 * <p>Everything the cluster keeps in Redis is under the key prefix {@code spindle:<name>:}, so
 * several clusters can share one Redis.
 */
public final class Cluster {
    /** The default name, queue and lease. */
    public static final String DEFAULT_NAME = "default";
    /** The queue tasks go to unless told otherwise. */
    public static final String DEFAULT_QUEUE = "default";
    /** How long a task stays a silent host's: a dead host's tasks run elsewhere within about this, plus a beat. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(4);
    /** How long reaching Redis, and each command, may take before it fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final URI redis;
    private final String name;
    private final String queue;
    private final Duration lease;
    private final Duration timeout;
    private final boolean shipClassPath;

    private Cluster(URI redis, String name, String queue, Duration lease, Duration timeout, boolean shipClassPath) {
        this.redis = redis;
        this.name = name;
        this.queue = queue;
        this.lease = lease;
        this.timeout = timeout;
        this.shipClassPath = shipClassPath;
    }

    /**
     * The cluster on the Redis at {@code redis}: {@code redis://[:password@]host:port[/db]}, or
     * {@code rediss://} for TLS.
     *
     * @throws IllegalArgumentException if it is no Redis URI
     */
    public static Cluster at(URI redis) {
        Objects.requireNonNull(redis, "redis");
        if (!"redis".equals(redis.getScheme()) && !"rediss".equals(redis.getScheme())) {
            throw new IllegalArgumentException("a cluster's Redis is a redis:// or rediss:// URI, not " + redis);
        }
        if (redis.getHost() == null) {
            throw new IllegalArgumentException("a cluster's Redis URI names no host: " + redis);
        }
        return new Cluster(redis, DEFAULT_NAME, DEFAULT_QUEUE, DEFAULT_LEASE, DEFAULT_TIMEOUT, false);
    }

    /** {@link #at(URI)} of {@code redis}. */
    public static Cluster at(String redis) {
        return at(URI.create(Objects.requireNonNull(redis, "redis")));
    }

    /**
     * This cluster under another name: its keys are under {@code spindle:<name>:}.
     *
     * @throws IllegalArgumentException if it is blank or holds a space or a colon
     */
    public Cluster name(String name) {
        return new Cluster(redis, checkedName(name, "name"), queue, lease, timeout, shipClassPath);
    }

    /**
     * This cluster with its clients' tasks going to {@code queue}; a worker serves the queues it
     * is started with.
     *
     * @throws IllegalArgumentException if it is blank or holds a space or a colon
     */
    public Cluster queue(String queue) {
        return new Cluster(redis, name, checkedName(queue, "queue"), lease, timeout, shipClassPath);
    }

    /**
     * This cluster with another lease: a host that does not renew its tasks for this long (it
     * died, or was stopped) loses them to another host. Its hosts renew five times per lease; a
     * host and its clients must agree on it.
     *
     * @throws IllegalArgumentException if it is under 500 ms
     */
    public Cluster lease(Duration lease) {
        if (lease.toMillis() < 500) {
            throw new IllegalArgumentException("a lease must be at least 500 ms: " + lease);
        }
        return new Cluster(redis, name, queue, lease, timeout, shipClassPath);
    }

    /**
     * This cluster with another timeout for reaching Redis and for each command.
     *
     * @throws IllegalArgumentException if it is not positive
     */
    public Cluster timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive: " + timeout);
        }
        return new Cluster(redis, name, queue, lease, timeout, shipClassPath);
    }

    /**
     * This cluster with its clients shipping their class path, or not (the default): each entry
     * (a jar, or a class folder packed as one) is stored once in Redis under its content hash, at
     * the first pool of each client JVM, and workers run that client's tasks in child JVMs of
     * their own with those entries after the worker's class path — so a lambda written in an IDE
     * runs on the cluster with no deploy. Workers keep what they fetched, by hash. The worker runs
     * what the client shipped: a cluster's Redis is for those the workers trust.
     */
    public Cluster shipClassPath(boolean ship) {
        return new Cluster(redis, name, queue, lease, timeout, ship);
    }

    /** Whether clients ship their class path to the workers. */
    public boolean shipsClassPath() {
        return shipClassPath;
    }

    /** The Redis URI. */
    public URI redis() {
        return redis;
    }

    /** The cluster's name. */
    public String name() {
        return name;
    }

    /** The queue its clients' tasks go to. */
    public String queue() {
        return queue;
    }

    /** How long a silent host keeps its tasks. */
    public Duration lease() {
        return lease;
    }

    /** How long reaching Redis, and each command, may take. */
    public Duration timeout() {
        return timeout;
    }

    /** The context whose pools and executors run on this cluster: {@link Context#cluster(Cluster)}. */
    public Context context() {
        return Context.cluster(this);
    }

    private static String checkedName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.contains(" ") || value.contains(":")) {
            throw new IllegalArgumentException("a cluster's " + what + " must be a word without spaces or colons: '" + value + "'");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cluster c && redis.equals(c.redis) && name.equals(c.name) && queue.equals(c.queue)
                && lease.equals(c.lease) && timeout.equals(c.timeout) && shipClassPath == c.shipClassPath;
    }

    @Override
    public int hashCode() {
        return Objects.hash(redis, name, queue, lease, timeout, shipClassPath);
    }

    @Override
    public String toString() {
        String shown = redis.getUserInfo() == null ? redis.toString() : redis.toString().replace(redis.getRawUserInfo() + "@", "***@");
        return "Cluster[" + shown + ", name=" + name + ", queue=" + queue + ", lease=" + lease.toMillis() + " ms"
                + (shipClassPath ? ", ships its class path" : "") + "]";
    }
}
