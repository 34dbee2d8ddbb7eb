package dev.spindle.insights;

import dev.spindle.cluster.Cluster;
import dev.spindle.internal.cluster.ClusterSettings;
import dev.spindle.internal.cluster.ClusterWatch;
import dev.spindle.internal.insights.Watchers;
import dev.spindle.internal.pool.LiveEngines;
import dev.spindle.internal.web.DashboardServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A live web dashboard: a page that shows every live pool and executor of this JVM (or a
 * cluster's worker hosts, read from its Redis) — their workers and states, tasks queued, running,
 * done and failed, a chart of tasks done and failed per second, the slowest tasks and the latest
 * tracebacks — updated twice a second by server-sent events, without reloading. Everything it
 * serves comes from Spindle's jar; it needs no internet.
 *
 * <pre>{@code
 * try (Dashboard dashboard = Spindle.dashboard(0)) {   // prints its address
 *     try (Pool pool = Pool.of(4)) { ... }
 * }
 * }</pre>
 *
 * <p>It binds 127.0.0.1 unless given another address. While one is open in a JVM, pools made there
 * record insights by default (see {@code Pool.Builder.insights}). Its memory stays bounded: it
 * keeps the latest snapshot only, and each pool keeps its {@value PoolInsights#SLOWEST} slowest
 * tasks and {@value PoolInsights#FAILURES} latest failures. {@code /snapshot.json} serves the
 * latest snapshot, for scripts.
 */
public final class Dashboard implements AutoCloseable {
    private final DashboardServer server;
    private final Runnable onClose;
    private boolean closed;

    private Dashboard(InetSocketAddress address, Supplier<List<PoolInsights>> source, Runnable onClose) {
        this.server = new DashboardServer(address, source);
        this.onClose = onClose;
    }

    /**
     * A dashboard of this JVM's pools and executors on 127.0.0.1:{@code port}; 0 picks a free port
     * (see {@link #uri()}).
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static Dashboard open(int port) {
        return open(new InetSocketAddress(InetAddress.getLoopbackAddress(), checked(port)));
    }

    /**
     * A dashboard of this JVM's pools and executors on {@code address} — another interface than
     * the loopback only when asked, as here: anyone who reaches it sees task arguments and tracebacks.
     */
    public static Dashboard open(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        Watchers.opened();
        try {
            return new Dashboard(address, LiveEngines::insights, Watchers::closed);
        } catch (RuntimeException e) {
            Watchers.closed();
            throw e;
        }
    }

    /**
     * A dashboard of {@code cluster}'s worker hosts, read from its Redis, on 127.0.0.1:{@code port}:
     * each host with its worker processes, tasks queued and running in the cluster's queue, and
     * tasks done and failed per second. A Redis that cannot be reached shows as an error on the
     * page, and is tried again at the next update.
     */
    public static Dashboard ofCluster(Cluster cluster, int port) {
        ClusterWatch watch = ClusterWatch.open(new ClusterSettings(cluster.redis().toString(), cluster.name(),
                cluster.queue(), cluster.lease(), cluster.timeout(), false));
        try {
            return new Dashboard(new InetSocketAddress(InetAddress.getLoopbackAddress(), checked(port)), watch::insights,
                    watch::close);
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
    }

    private static int checked(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 (any free one) to 65535, not " + port);
        }
        return port;
    }

    /** The page's address, such as {@code http://127.0.0.1:41234/}. */
    public URI uri() {
        return server.uri();
    }

    /** The port it serves on. */
    public int port() {
        return server.address().getPort();
    }

    /** Stops serving; open pages say the connection was lost. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        onClose.run();
    }

    @Override
    public String toString() {
        return "Dashboard[" + uri() + "]";
    }
}
