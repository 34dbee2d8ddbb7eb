package dev.spindle.examples.asyncio;

import dev.spindle.asyncio.Asyncio;
import dev.spindle.asyncio.Connection;
import dev.spindle.asyncio.Server;
import dev.spindle.asyncio.StreamReader;
import dev.spindle.asyncio.StreamWriter;
import dev.spindle.asyncio.Task;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.futures.ReturnWhen;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code open_connection} to three hosts, an HTTP/1.0 GET each, and every response header printed
 * until the blank line. Offline, the three hosts are HTTP servers of the same loop on 127.0.0.1
 * (ports the OS picks) that send their header lines a few milliseconds apart, as a distant server's
 * packets arrive: so the three hosts' lines interleave.
 */
public final class AsyncioWgetHeaders extends Example {
    static final List<String> HEADERS = List.of("HTTP/1.0 200 OK", "Server: spindle-asyncio", "Content-Type: text/html",
            "Cache-Control: max-age=60", "Connection: close");

    public AsyncioWgetHeaders() {
        super("asyncio-wget-headers", "three HTTP/1.0 GETs over open_connection; header lines of the hosts interleave");
    }

    /** A host's server: reads the request up to its blank line, then sends the headers one by one, then a body. */
    static void serveHeaders(StreamReader reader, StreamWriter writer) throws Exception {
        while (!new String(reader.readline(), StandardCharsets.ISO_8859_1).equals("\r\n")) {
            // the request line and headers: not needed to answer
        }
        for (String header : HEADERS) {
            writer.write(header + "\r\n");
            writer.drain();
            Asyncio.sleep(Duration.ofNanos(Math.round(0.005 * Speed.factor() * 1e9)));
        }
        writer.write("\r\n<html>hello</html>");
        writer.close();
        writer.waitClosed();
    }

    static Void wget(String host, int port) throws Exception {
        System.out.printf("wget %s...%n", host);
        Connection connect = Asyncio.openConnection("127.0.0.1", port); // 异步方式等待连接结果
        StreamWriter writer = connect.writer();
        String header = "GET / HTTP/1.0\r\nHost: %s\r\n\r\n".formatted(host);
        writer.write(header.getBytes(StandardCharsets.UTF_8));
        writer.drain(); // 异步I/O方式执行写操作
        while (true) {
            byte[] line = connect.reader().readline(); // 异步I/O方式执行读操作
            String text = new String(line, StandardCharsets.UTF_8);
            if (text.equals("\r\n") || line.length == 0) {
                break;
            }
            System.out.printf("%s header > %s%n", host, text.stripTrailing());
        }
        writer.close();
        return null;
    }

    @Override
    public void run(String... args) throws Exception {
        Asyncio.run(() -> {
            Map<String, Server> hosts = new LinkedHashMap<>();
            for (String host : List.of("www.sina.com.cn", "www.sohu.com", "www.163.com")) {
                hosts.put(host, Asyncio.startServer(AsyncioWgetHeaders::serveHeaders, "127.0.0.1", 0));
            }
            // 通过生成式语法创建一个装了三个协程的列表
            List<Task<Void>> tasks = new ArrayList<>();
            hosts.forEach((host, server) -> tasks.add(Asyncio.createTask(() -> wget(host, server.port()))));
            // 下面的方法将异步I/O操作放入EventLoop直到执行完毕
            Asyncio.wait(tasks, ReturnWhen.ALL_COMPLETED, null);
            for (Task<Void> task : tasks) {
                task.await();
            }
            hosts.values().forEach(Server::close);
            return null;
        });
    }
}
