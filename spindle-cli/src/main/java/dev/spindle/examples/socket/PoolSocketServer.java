package dev.spindle.examples.socket;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP server whose connections are served by a pool: W workers serve W clients at once, the
 * others wait until one leaves, and never more than W worker pids appear.
 *
 * <p>Python pickles the socket to a worker (its file descriptor travels). A JVM cannot adopt
 * another process's socket, so here the parent hands each connection over through a private
 * loopback socket: the worker's task connects to it, and the parent relays the bytes. The worker
 * does all the talking, as in the seed.
 *
 * <p>Arguments: [workers (default: CPU count)] [clients to serve before ending (default: no end)].
 * Prints {@code listening on 127.0.0.1:PORT}; the port is chosen by the OS.
 */
public final class PoolSocketServer extends Example {
    public PoolSocketServer() {
        super("pool-socket-server", "a Pool serves TCP clients: W at once, the rest wait; at most W worker pids");
    }

    /** The seed's talk(): upper-case echo until the client leaves; here over the hand-over socket. */
    static Void talk(int handoverPort) throws IOException {
        System.out.println("进程pid: " + ProcessHandle.current().pid());
        try (Socket conn = new Socket(InetAddress.getLoopbackAddress(), handoverPort)) {
            InputStream in = conn.getInputStream();
            OutputStream out = conn.getOutputStream();
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(new String(buffer, 0, n, StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    @Override
    public void run(String... args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : Spindle.cpuCount();
        long clients = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        List<Thread> relays = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress()); Pool p = Pool.of(workers)) {
            System.out.println("listening on 127.0.0.1:" + server.getLocalPort());
            for (long served = 0; served < clients; served++) {
                Socket conn = server.accept();
                ServerSocket handover = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                p.applyAsync(PoolSocketServer::talk, handover.getLocalPort());
                relays.add(Thread.ofVirtual().start(() -> relay(conn, handover)));
            }
            for (Thread relay : relays) {
                relay.join();
            }
        }
    }

    /** Waits for the worker to take the connection, then copies bytes both ways until either side ends. */
    private static void relay(Socket client, ServerSocket handover) {
        try (client; handover; Socket worker = handover.accept()) {
            Thread back = Thread.ofVirtual().start(() -> copy(worker, client));
            copy(client, worker);
            back.join();
        } catch (IOException | InterruptedException e) {
            System.err.println("relay: " + e);
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException closed) {
            // the other side has gone: nothing more to copy
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
