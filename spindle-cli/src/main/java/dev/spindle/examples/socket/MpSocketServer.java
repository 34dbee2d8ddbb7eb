package dev.spindle.examples.socket;

import dev.spindle.examples.Example;
import dev.spindle.socketserver.StreamRequest;
import dev.spindle.socketserver.TcpServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's server with a process per connection: each connection is served by a child JVM of
 * its own, which echoes upper-case. Python forks and the child inherits the socket; here the
 * parent passes the accepted socket's descriptor to a ready child, which talks to the client
 * itself. Several scripted clients talk at once, each served by a different pid.
 *
 * <p>Arguments: [clients (default 3)].
 */
public final class MpSocketServer extends Example {
    public MpSocketServer() {
        super("mp-socket-server", "a child process per connection echoes upper-case; each client served by a different pid",
                "\"主进程\": the main process; \"子进程\": the child process serving a connection");
    }

    /** The seed's talk(conn, client_addr). */
    static void talk(StreamRequest conn) throws Exception {
        System.out.println("子进程pid: " + ProcessHandle.current().pid() + " serves " + conn.clientAddress());
        for (String msg; (msg = conn.readLine()) != null; ) {
            conn.writeLine(msg.toUpperCase());
        }
    }

    @Override
    public void run(String... args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("主进程pid: " + ProcessHandle.current().pid());
        try (TcpServer server = TcpServer.bind("127.0.0.1", 0).processPerConnection().open(MpSocketServer::talk).start()) {
            List<List<String>> scripts = new ArrayList<>();
            for (int i = 1; i <= clients; i++) {
                scripts.add(List.of("hello from client " + i, "bye from client " + i));
            }
            ScriptedClients.run(server.address(), scripts, null, (client, sent, reply) -> reply);
        }
    }
}
