package dev.spindle.examples.socket;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.socketserver.StreamRequest;
import dev.spindle.socketserver.TcpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A TCP server whose connections are served by a pool of W processes: W clients at once, the
 * others wait until one leaves, and never more than W worker pids appear.
 *
 * <p>Python pickles the socket to a pool worker: its descriptor travels, and the worker talks to
 * the client itself. So here: the server accepts, passes the socket's descriptor to a free child
 * JVM of its pool ({@code SCM_RIGHTS}), and that child does all the talking; the parent relays
 * nothing.
 *
 * <p>Arguments: [workers (default: CPU count)] [clients to serve before ending (default: no end)].
 * Prints {@code listening on 127.0.0.1:PORT}; the port is chosen by the OS.
 */
public final class PoolSocketServer extends Example {
    public PoolSocketServer() {
        super("pool-socket-server", "a process pool serves TCP clients: W at once, the rest wait; at most W worker pids");
    }

    /** The seed's talk(): upper-case echo, chunk by chunk, until the client leaves. */
    static void talk(StreamRequest conn) throws Exception {
        System.out.println("进程pid: " + ProcessHandle.current().pid());
        InputStream in = conn.input();
        OutputStream out = conn.output();
        byte[] buffer = new byte[1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(new String(buffer, 0, n, StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void run(String... args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : Spindle.cpuCount();
        long clients = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        try (TcpServer server = TcpServer.bind("127.0.0.1", 0).processPool(workers).open(PoolSocketServer::talk)) {
            System.out.println("listening on 127.0.0.1:" + server.address().getPort());
            if (clients == Long.MAX_VALUE) {
                server.serveForever();
            }
            for (long served = 0; served < clients; served++) {
                server.handleRequest();
            }
        }
    }
}
