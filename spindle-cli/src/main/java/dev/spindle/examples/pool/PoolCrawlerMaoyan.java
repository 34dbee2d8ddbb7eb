package dev.spindle.examples.pool;

import com.sun.net.httpserver.HttpServer;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A worker fetches the film board page; the parent's callback picks the films out with the seed's
 * regular expression. With no URL argument the page comes from a local HTTP server on 127.0.0.1
 * (no outside network); a reply other than 200 gives null, and the callback then fails.
 */
public final class PoolCrawlerMaoyan extends Example {
    static final Pattern PATTERN1 = Pattern.compile(
            "<dd>.*?board-index.*?>(\\d+)<.*?title=\"(.*?)\".*?star.*?>(.*?)<.*?releasetime.*?>(.*?)<.*?integer.*?>(.*?)<.*?fraction.*?>(.*?)<",
            Pattern.DOTALL);

    public PoolCrawlerMaoyan() {
        super("pool-crawler-maoyan", "a worker downloads a page, the parent's callback parses one dict per film");
    }

    /** What get_page returns: the page and the pattern to parse it with. */
    record PageInfo(String text, Pattern pattern) implements Serializable {}

    static PageInfo getPage(String url, Pattern pattern) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? new PageInfo(response.body(), pattern) : null;
        }
    }

    static void parsePage(PageInfo info) {
        String pageContent = info.text(); // null info fails here, as the seed's unpacking of None does
        Matcher item = info.pattern().matcher(pageContent);
        while (item.find()) {
            Map<String, String> dic = new LinkedHashMap<>();
            dic.put("index", item.group(1));
            dic.put("title", item.group(2));
            dic.put("actor", item.group(3).strip().substring(3));
            dic.put("time", item.group(4).substring(5));
            dic.put("score", item.group(5) + item.group(6));
            System.out.println(pythonDict(dic));
        }
    }

    /** Prints like Python's dict: {'index': '1', ...}. */
    static String pythonDict(Map<String, String> dic) {
        return dic.entrySet().stream().map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public void run(String... args) throws Exception {
        HttpServer server = args.length == 0 ? BoardServer.start() : null;
        try {
            String url = server != null ? "http://127.0.0.1:" + server.getAddress().getPort() + "/board/7" : args[0];
            Map<String, Pattern> urlDic = Map.of(url, PATTERN1);
            try (Pool p = Pool.of()) {
                List<AsyncResult<PageInfo>> resL = new ArrayList<>();
                for (Map.Entry<String, Pattern> e : urlDic.entrySet()) {
                    resL.add(p.applyAsync(PoolCrawlerMaoyan::getPage, e.getKey(), e.getValue(), PoolCrawlerMaoyan::parsePage, null));
                }
                for (AsyncResult<PageInfo> i : resL) {
                    i.get();
                }
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    /** The local stand-in for the board page: the markup the seed's pattern expects. */
    static final class BoardServer {
        static final String PAGE = """
                <html><body><dl class="board-wrapper">
                <dd>
                  <i class="board-index board-index-1">1</i>
                  <a href="/films/1203" title="霸王别姬" class="image-link"></a>
                  <p class="star">
                        主演：张国荣,张丰毅,巩俐
                  </p>
                  <p class="releasetime">上映时间：1993-01-01</p>
                  <p class="score"><i class="integer">9.</i><i class="fraction">5</i></p>
                </dd>
                <dd>
                  <i class="board-index board-index-2">2</i>
                  <a href="/films/1297" title="肖申克的救赎" class="image-link"></a>
                  <p class="star">
                        主演：蒂姆·罗宾斯,摩根·弗里曼,鲍勃·冈顿
                  </p>
                  <p class="releasetime">上映时间：1994-09-10(加拿大)</p>
                  <p class="score"><i class="integer">9.</i><i class="fraction">5</i></p>
                </dd>
                <dd>
                  <i class="board-index board-index-3">3</i>
                  <a href="/films/2641" title="罗马假日" class="image-link"></a>
                  <p class="star">
                        主演：格利高里·派克,奥黛丽·赫本,埃迪·艾伯特
                  </p>
                  <p class="releasetime">上映时间：1953-09-02(美国)</p>
                  <p class="score"><i class="integer">9.</i><i class="fraction">1</i></p>
                </dd>
                </dl></body></html>
                """;

        private BoardServer() {}

        /** Serves the page at /board/7 on 127.0.0.1 and a port the OS picks; 404 elsewhere. */
        static HttpServer start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                boolean board = exchange.getRequestURI().getPath().equals("/board/7");
                byte[] body = (board ? PAGE : "not found").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(board ? 200 : 404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        }
    }
}
