package dev.spindle.examples.asyncio;

import dev.spindle.asyncio.Asyncio;
import dev.spindle.asyncio.Connection;
import dev.spindle.asyncio.EventLoop;
import dev.spindle.asyncio.Task;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.futures.ReturnWhen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Five pages fetched concurrently and each {@code <title>} printed as it arrives. The seed uses
 * aiohttp; here a small HTTP/1.0 client over the loop's streams plays its part, and the five sites
 * are a local server with a delay per page ({@link TitlePages}), so the titles come in the order of
 * the delays and the whole takes about as long as the slowest page. The server tells whether all
 * five requests were in flight at once, which shows the concurrency without a clock.
 */
public final class AsyncioAiohttpTitles extends Example {
    static final Pattern PATTERN = Pattern.compile("<title>(?<title>.*)</title>");

    public AsyncioAiohttpTitles() {
        super("asyncio-aiohttp-titles", "five pages fetched at once over asyncio streams; titles print in completion order");
    }

    /** {@code fetch_page}: GET {@code path} over HTTP/1.0 and return the body. */
    static String fetchPage(int port, String path) throws Exception {
        Connection connection = Asyncio.openConnection("127.0.0.1", port);
        connection.writer().write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        connection.writer().drain();
        String response = new String(connection.reader().read(-1), StandardCharsets.UTF_8);
        connection.writer().close();
        connection.writer().waitClosed();
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    static Void showTitle(int port, String path) throws Exception {
        String html = fetchPage(port, path);
        Matcher m = PATTERN.matcher(html);
        System.out.println(m.find() ? m.group("title") : "(no title at " + path + ")");
        return null;
    }

    @Override
    public void run(String... args) throws Exception {
        try (TitlePages pages = new TitlePages()) {
            double elapsed = Asyncio.run(() -> {
                EventLoop loop = Asyncio.getRunningLoop();
                double t0 = loop.time();
                List<Task<Void>> cos = new ArrayList<>();
                for (String url : TitlePages.PAGES.keySet()) {
                    cos.add(Asyncio.createTask(() -> showTitle(pages.port(), url)));
                }
                Asyncio.wait(cos, ReturnWhen.ALL_COMPLETED, null);
                for (Task<Void> co : cos) {
                    co.await(); // a failed fetch fails the program
                }
                return (loop.time() - t0) / Speed.factor();
            });
            double slowest = TitlePages.PAGES.values().stream().mapToDouble(TitlePages.Page::delaySeconds).max().orElseThrow();
            double sum = TitlePages.PAGES.values().stream().mapToDouble(TitlePages.Page::delaySeconds).sum();
            System.out.println("all five requests were in flight at once: " + pages.allInFlight());
            System.out.printf("all five in %.2f s of the seed's time: the slowest page takes %.1f s, one after another would be %.1f s%s%n",
                    elapsed, slowest, sum, Speed.atSpeed(elapsed));
        }
    }
}
