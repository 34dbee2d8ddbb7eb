package dev.spindle.examples.coroutines;

import com.sun.net.httpserver.HttpServer;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.gevent.Gevent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three pages fetched in spawned tasks with a plain blocking HTTP client (the seed's monkey-patched
 * {@code requests}): the three "GET:" lines come first, the run takes about as long as the slowest
 * fetch. The sites are a local HTTP server on 127.0.0.1 that answers each path after its own delay.
 */
public final class GeventRequests extends Example {
    /** Each stand-in site: its delay in the seed's seconds and the size of its page. */
    private record Site(double delaySeconds, int bytes) {}

    private static final Map<String, Site> SITES = Map.of(
            "/www.python.org/", new Site(1.0, 50_213),
            "/www.yahoo.com/", new Site(2.0, 418_562),
            "/github.com/", new Site(1.5, 276_415));

    public GeventRequests() {
        super("gevent-requests", "three pages fetched by spawned tasks with a blocking client: the time of the slowest, not the sum");
    }

    static void getPage(HttpClient client, String url) throws IOException, InterruptedException {
        System.out.printf("GET: %s%n", url);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 200) {
            System.out.printf("%d bytes received from %s%n", response.body().length(), url);
        }
    }

    @Override
    public void run(String... args) throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            Site site = SITES.get(exchange.getRequestURI().getPath());
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Speed.sleep(site.delaySeconds());
                byte[] page = "x".repeat(site.bytes()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (HttpClient client = HttpClient.newHttpClient()) {
            long startTime = System.nanoTime();
            Gevent.joinAll(List.of(
                    Gevent.spawn(() -> getPage(client, base + "/www.python.org/")),
                    Gevent.spawn(() -> getPage(client, base + "/www.yahoo.com/")),
                    Gevent.spawn(() -> getPage(client, base + "/github.com/"))), null, true);
            double seconds = (System.nanoTime() - startTime) / 1e9;
            System.out.printf("run time is %s%n", seconds);
            System.out.printf("requests in flight at once: %d; the delays were 1, 2 and 1.5 s: the slowest, not their sum (4.5 s)%s%n",
                    mostInFlight.get(), Speed.atSpeed(2));
        } finally {
            server.stop(0);
        }
    }
}
