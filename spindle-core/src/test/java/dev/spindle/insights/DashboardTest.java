package dev.spindle.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.EventStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's server as a browser meets it: the page, its event stream, bad paths, many browsers and leaving ones. */
class DashboardTest {
    private final List<EventStream> streams = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        streams.forEach(EventStream::close);
    }

    /** A response: its status, content type and body. */
    private record Response(int status, String type, String body) {}

    private static Response request(URI uri, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod(method);
        try {
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, String.valueOf(connection.getContentType()), body);
        } finally {
            connection.disconnect();
        }
    }

    private EventStream open(Dashboard dashboard) throws IOException {
        EventStream stream = new EventStream(dashboard.uri());
        streams.add(stream);
        return stream;
    }

    private static long[] counts(String json, String name) {
        return EventStream.counts(json, name);
    }

    private static Response get(Dashboard dashboard, String path) throws IOException {
        return request(URI.create(dashboard.uri() + path.substring(1)), "GET");
    }

    @Test
    void itServesThePageAndItsAssetsFromTheJarOnTheLoopback() throws Exception {
        try (Dashboard dashboard = Dashboard.open(0)) {
            assertThat(dashboard.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(dashboard.port()).isPositive();
            Response page = get(dashboard, "/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.type()).startsWith("text/html");
            assertThat(page.body()).contains("<title>Spindle dashboard</title>").contains("/dashboard.js")
                    .doesNotContain("https://");
            assertThat(get(dashboard, "/dashboard.js").body()).contains("new EventSource(\"/events\")");
            assertThat(get(dashboard, "/dashboard.css").status()).isEqualTo(200);
        }
    }

    @Test
    void aBadPathIsAPlainNotFoundPageAndOnlyGetIsAnswered() throws Exception {
        try (Dashboard dashboard = Dashboard.open(0)) {
            for (String path : List.of("/nope", "/..%2F..%2Fetc/passwd", "/dashboard.js/x", "/events/", "/%00", "/snapshot.json.bak")) {
                Response response = get(dashboard, path);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.body()).contains("Not found").doesNotContain("Exception").doesNotContain("\tat ");
            }
            assertThat(request(dashboard.uri(), "POST").status()).isEqualTo(405);
            assertThat(request(dashboard.uri(), "DELETE").status()).isEqualTo(405);
        }
    }

    @Test
    void aRequestAddressedToAnotherNameIsRefusedAsDnsRebindingWouldSendIt() throws Exception {
        try (Dashboard dashboard = Dashboard.open(0)) {
            assertThat(rawGet(dashboard, "evil.example:" + dashboard.port())).startsWith("HTTP/1.1 403");
            assertThat(rawGet(dashboard, "localhost:" + dashboard.port())).startsWith("HTTP/1.1 200");
            assertThat(rawGet(dashboard, "127.0.0.1:" + dashboard.port())).startsWith("HTTP/1.1 200");
        }
    }

    /** A GET of /snapshot.json with {@code host} as its Host header; the response's text. */
    private static String rawGet(Dashboard dashboard, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), dashboard.port())) {
            socket.getOutputStream().write(("GET /snapshot.json HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void itPushesSnapshotsWhoseCountsFollowAPoolAtWork() throws Exception {
        try (Dashboard dashboard = Dashboard.open(0);
             Pool pool = Pool.builder(Context.threads()).processes(2).name("watched-pool").build()) {
            EventStream browser = open(dashboard);
            pool.map(x -> x, IntStream.range(0, 5).boxed().toList());
            assertThat(counts(browser.awaitDone("watched-pool", 5), "watched-pool")[0]).isEqualTo(5);
            AsyncResult<Integer> bad = pool.applyAsync(x -> { throw new IllegalStateException("bad " + x); }, 1);
            pool.map(x -> x, IntStream.range(0, 5).boxed().toList());
            assertThat(counts(browser.awaitDone("watched-pool", 10), "watched-pool")[0]).isEqualTo(10);
            bad.waitFor();
            String json;
            do {
                json = browser.next();
            } while (counts(json, "watched-pool")[1] < 1);
            assertThat(json).contains("\"recording\":true").contains("IllegalStateException: bad 1");
            assertThat(get(dashboard, "/snapshot.json").body()).contains("\"name\":\"watched-pool\"");
        }
    }

    @Test
    void twentyBrowsersAtOnceAndHalfOfThemLeavingMidStream() throws Exception {
        Dashboard dashboard = Dashboard.open(0);
        try {
            List<EventStream> browsers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                browsers.add(open(dashboard));
            }
            for (EventStream browser : browsers) {
                assertThat(browser.next()).startsWith("{\"at\":");
            }
            browsers.subList(0, 10).forEach(EventStream::close);
            for (EventStream browser : browsers.subList(10, 20)) {
                assertThat(browser.next()).startsWith("{\"at\":");
                assertThat(browser.next()).startsWith("{\"at\":");
            }
            assertThat(open(dashboard).next()).startsWith("{\"at\":");
            dashboard.close();
            for (EventStream browser : browsers.subList(10, 20)) {
                String json;
                do {
                    json = browser.next();
                } while (json != null);
            }
        } finally {
            dashboard.close();
        }
    }

    @Test
    void aPoolThatClosesWhileWatchedShowsItsEndThenLeaves() throws Exception {
        try (Dashboard dashboard = Dashboard.open(0)) {
            EventStream browser = open(dashboard);
            Pool pool = Pool.builder(Context.threads()).processes(1).name("closing-watched").build();
            pool.map(x -> x, List.of(1, 2, 3));
            browser.awaitDone("closing-watched", 3);
            pool.close();
            pool.join();
            String json;
            do {
                json = browser.next();
            } while (counts(json, "closing-watched")[0] != -1);
            assertThat(json).doesNotContain("closing-watched");
        }
    }

    @Test
    void whatItKeepsStaysBoundedHoweverManyTasksRan() throws Exception {
        try (Dashboard dashboard = Dashboard.open(0);
             Pool pool = Pool.builder(Context.threads()).processes(2).name("many-tasks").build()) {
            for (int round = 0; round < 5; round++) {
                List<AsyncResult<Integer>> results = IntStream.range(0, 2000).mapToObj(i -> pool.applyAsync(x -> {
                    if (x % 50 == 0) {
                        throw new IllegalArgumentException("x".repeat(100_000));
                    }
                    return x;
                }, i)).toList();
                for (AsyncResult<Integer> r : results) {
                    r.waitFor();
                }
            }
            PoolInsights insights = pool.insights();
            assertThat(insights.done() + insights.failed()).isEqualTo(10_000);
            assertThat(insights.slowest()).hasSizeLessThanOrEqualTo(PoolInsights.SLOWEST);
            assertThat(insights.failures()).hasSize(PoolInsights.FAILURES)
                    .allSatisfy(f -> assertThat(f.traceback().length()).isLessThanOrEqualTo(8 * 1024));
            String json = open(dashboard).next();
            assertThat(json.length()).isLessThan(PoolInsights.FAILURES * 9 * 1024 + 64 * 1024);
        }
    }

    @Test
    void poolsMadeWhileADashboardIsOpenRecordInsights() throws Exception {
        try (Pool before = Pool.builder(Context.threads()).processes(1).build()) {
            assertThat(before.insights().recording()).isFalse();
        }
        try (Dashboard dashboard = Dashboard.open(0);
             Pool during = Pool.builder(Context.threads()).processes(1).build();
             Pool refused = Pool.builder(Context.threads()).processes(1).insights(false).build()) {
            assertThat(dashboard.port()).isPositive();
            assertThat(during.insights().recording()).isTrue();
            assertThat(refused.insights().recording()).isFalse();
        }
    }

    @Test
    void aTakenPortOrABadOneIsRefusedClearly() {
        try (Dashboard first = Dashboard.open(0)) {
            assertThatThrownBy(() -> Dashboard.open(first.port())).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot serve a dashboard on");
        }
        assertThatThrownBy(() -> Dashboard.open(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(URI.create("http://127.0.0.1:1/").getPort()).isEqualTo(1);
    }
}
