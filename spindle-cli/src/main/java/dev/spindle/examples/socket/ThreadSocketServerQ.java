package dev.spindle.examples.socket;

import dev.spindle.examples.Example;
import dev.spindle.socketserver.StreamRequest;
import dev.spindle.socketserver.TcpServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's threaded server: a thread per connection answers "收到收到" to each message until the
 * client sends Q. The seed's {@code input()} client is scripted: several clients talk at once,
 * then each sends q. A client that leaves without Q ends its handler too (the seed's would spin
 * on empty reads).
 *
 * <p>Arguments: [clients (default 3)].
 */
public final class ThreadSocketServerQ extends Example {
    public ThreadSocketServerQ() {
        super("thread-socket-server-q", "a thread per connection answers 收到收到 until the client sends Q; clients talk at once",
                "\"收到客户端发来的消息\": message from the client; \"收到收到\": got it, got it");
    }

    /** The seed's task(conn). */
    static void task(StreamRequest conn) throws Exception {
        for (String data; (data = conn.readLine()) != null; ) {
            System.out.println("收到客户端发来的消息： " + data);
            if (data.equalsIgnoreCase("Q")) {
                break;
            }
            conn.write("收到收到\n");
        }
    }

    @Override
    public void run(String... args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (TcpServer server = TcpServer.bind("127.0.0.1", 0).threadPerConnection().open(ThreadSocketServerQ::task).start()) {
            List<List<String>> scripts = new ArrayList<>();
            for (int i = 1; i <= clients; i++) {
                scripts.add(List.of("你好，我是客户端" + i, "客户端" + i + "的第二条消息"));
            }
            ScriptedClients.run(server.address(), scripts, "q", (client, sent, reply) -> "client " + client + ": " + reply);
        }
    }
}
