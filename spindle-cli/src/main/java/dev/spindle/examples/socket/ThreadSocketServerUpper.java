package dev.spindle.examples.socket;

import dev.spindle.examples.Example;
import dev.spindle.socketserver.StreamRequest;
import dev.spindle.socketserver.TcpServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's threaded upper-case echo: a thread per connection prints each message as Python
 * prints bytes and sends it back upper-cased; the client prints the reply's bytes. Several
 * scripted clients talk at once. The handler ends when the client leaves (the seed's echoes empty
 * reads for ever).
 *
 * <p>Arguments: [clients (default 3)].
 */
public final class ThreadSocketServerUpper extends Example {
    public ThreadSocketServerUpper() {
        super("thread-socket-server-upper", "a thread per connection echoes upper-case; clients talk at once");
    }

    /** The seed's action(conn), ending at EOF. */
    static void action(StreamRequest conn) throws Exception {
        for (String data; (data = conn.readLine()) != null; ) {
            System.out.println("b'" + data + "'");
            conn.writeLine(data.toUpperCase());
        }
    }

    @Override
    public void run(String... args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (TcpServer server = TcpServer.bind("127.0.0.1", 0).threadPerConnection()
                .open(ThreadSocketServerUpper::action).start()) {
            List<List<String>> scripts = new ArrayList<>();
            for (int i = 1; i <= clients; i++) {
                scripts.add(List.of("hello from client " + i, "bye from client " + i));
            }
            ScriptedClients.run(server.address(), scripts, null, (client, sent, reply) -> "b'" + reply + "'");
        }
    }
}
