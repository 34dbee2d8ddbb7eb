package dev.spindle.examples.asyncio;

import com.sun.net.httpserver.HttpServer;
import dev.spindle.examples.Speed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The five sites of {@code asyncio-aiohttp-titles}, served offline: a local HTTP server on
 * 127.0.0.1 (a port the OS picks) with one page per site. Each request waits until all five have
 * arrived (so a client that fetched one page after another would stall: see
 * {@link #allInFlight()}), then is answered after its page's own delay, counted from that common
 * start, so the pages finish in a known order.
 */
final class TitlePages implements AutoCloseable {
    /** Path → (title, delay in seed seconds), in the seed's order of URLs. */
    static final Map<String, Page> PAGES = new LinkedHashMap<>();

    record Page(String title, double delaySeconds) {}

    static {
        PAGES.put("/www.python.org/", new Page("Welcome to Python.org", 0.8));
        PAGES.put("/git-scm.com/", new Page("Git", 0.2));
        PAGES.put("/www.jd.com/", new Page("京东(JD.COM)-正品低价、品质保障、配送及时、轻松购物！", 0.6));
        PAGES.put("/www.taobao.com/", new Page("淘宝", 1.0));
        PAGES.put("/www.douban.com/", new Page("豆瓣", 0.4));
    }

    /** How long a request waits for the other four before it is answered anyway. */
    private static final long ARRIVAL_WAIT_SECONDS = 30;

    private final HttpServer server;
    private final CountDownLatch arrived = new CountDownLatch(PAGES.size());
    private volatile boolean allInFlight = true;

    TitlePages() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        PAGES.forEach((path, page) -> server.createContext(path, exchange -> {
            try {
                arrived.countDown();
                if (!arrived.await(ARRIVAL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    allInFlight = false;
                }
                Speed.sleep(page.delaySeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] html = ("<html><head><title>" + page.title() + "</title></head><body>" + path + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        }));
        server.start();
    }

    /** Whether all five requests were waiting at the server at the same time. */
    boolean allInFlight() {
        return allInFlight && arrived.getCount() == 0;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
