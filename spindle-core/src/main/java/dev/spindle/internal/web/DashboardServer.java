package dev.spindle.internal.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spindle.insights.PoolInsights;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The dashboard's HTTP server (the JDK's own): the page and its script and style from the jar,
 * {@code /events} — a server-sent event stream of snapshots — and {@code /snapshot.json}, the
 * latest one. Each browser's stream holds a virtual thread; one that goes away is noticed at the
 * next write and its thread ends. Anything else is a plain 404 page.
 */
public final class DashboardServer implements AutoCloseable {
    /** How often a snapshot is taken and pushed. */
    public static final long PERIOD_MILLIS = 500;
    /** A file of the page, a resource beside this class. */
    private record Asset(String resource, String type) {}

    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("dashboard.html", "text/html; charset=utf-8"),
            "/dashboard.js", new Asset("dashboard.js", "text/javascript; charset=utf-8"),
            "/dashboard.css", new Asset("dashboard.css", "text/css; charset=utf-8"));

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final SnapshotFeed feed;
    /** Guards {@link #streams}. */
    private final Object streamsLock = new Object();
    /** Event streams still being written; a close lets them end cleanly first. */
    private int streams;
    private static final long STREAMS_END_MILLIS = 2000;

    /**
     * Serves {@code source}'s pools on {@code address} (port 0: any free one).
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public DashboardServer(InetSocketAddress address, Supplier<List<PoolInsights>> source) {
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve a dashboard on " + address + ": " + e.getMessage(), e);
        }
        feed = new SnapshotFeed(source, PERIOD_MILLIS);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Where it serves. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Its page's address. */
    public URI uri() {
        InetSocketAddress address = address();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!addressedHere(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "text/plain; charset=utf-8",
                        "this dashboard answers requests addressed to 127.0.0.1 or localhost only\n".getBytes(StandardCharsets.UTF_8));
            } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/events") && "GET".equals(exchange.getRequestMethod())) {
                stream(exchange);
            } else if (path.equals("/events")) {
                send(exchange, 200, "text/event-stream; charset=utf-8", new byte[0]); // HEAD: no stream to hold
            } else if (path.equals("/snapshot.json")) {
                send(exchange, 200, "application/json", feed.latest().json().getBytes(StandardCharsets.UTF_8));
            } else if (ASSETS.containsKey(path)) {
                Asset asset = ASSETS.get(path);
                send(exchange, 200, asset.type(), bytes(asset.resource()));
            } else {
                send(exchange, 404, "text/html; charset=utf-8", notFound());
            }
        } catch (IOException browserGone) {
            // the browser closed its connection: nothing to answer
        }
    }

    /**
     * Whether a request with this Host header may be answered. A dashboard on the loopback answers
     * only requests addressed to the loopback: a web page that had a name of its own resolve to
     * 127.0.0.1 (DNS rebinding) must not read task arguments and tracebacks through the browser.
     */
    private boolean addressedHere(String host) {
        if (host == null || !server.getAddress().getAddress().isLoopbackAddress()) {
            return true;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d*$", "");
        return name.equalsIgnoreCase("localhost") || name.equals("[::1]") || name.startsWith("127.");
    }

    /** Pushes each new snapshot until the browser goes or the dashboard closes. */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(("retry: " + PERIOD_MILLIS * 2 + "\n\n").getBytes(StandardCharsets.UTF_8));
        SnapshotFeed.Snapshot snapshot = feed.latest();
        synchronized (streamsLock) {
            streams++;
        }
        try {
            while (snapshot != null) {
                body.write(("data: " + snapshot.json() + "\n\n").getBytes(StandardCharsets.UTF_8));
                body.flush();
                snapshot = feed.after(snapshot.version());
            }
            body.close(); // the stream's last chunk: the browser sees it end, not break
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (streamsLock) {
                streams--;
                streamsLock.notifyAll();
            }
        }
    }

    /** Waits a little for the event streams to end once the feed is closed. */
    private void awaitStreamsEnded() {
        long deadline = System.currentTimeMillis() + STREAMS_END_MILLIS;
        synchronized (streamsLock) {
            try {
                for (long left = STREAMS_END_MILLIS; streams > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
                    streamsLock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] notFound() {
        return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body>"
                + "<h1>Not found</h1><p>This dashboard serves <a href=\"/\">its page</a> only.</p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Stops serving: every browser's stream ends, the port is freed. */
    @Override
    public void close() {
        feed.close();
        awaitStreamsEnded();
        server.stop(0);
        threads.shutdownNow();
    }
}
