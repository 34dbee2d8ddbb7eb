package dev.spindle.cli;

import dev.spindle.socketserver.StreamRequest;
import dev.spindle.socketserver.TcpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The socket-server figures, each the workload of CPython's {@code socketserver} under the same
 * name in {@code cpython_bench.py}: a line echo, one line per round trip.
 * <ul>
 *   <li>{@code socketserver.threaded_echo_100clients_roundtrips_per_s}: a server with a thread per
 *       connection; {@value #CLIENTS} clients (a platform thread each, as CPython's are threads) each
 *       make {@value #ROUND_TRIPS} round trips at once;</li>
 *   <li>{@code socketserver.process_connections_per_s}: the server with a child JVM per connection
 *       (CPython's {@code ForkingTCPServer}); {@value #CONNECTIONS} connections one after another,
 *       each one round trip.</li>
 * </ul>
 */
final class SocketServerBench {
    static final int CLIENTS = 100;
    static final int ROUND_TRIPS = 200;
    static final int CONNECTIONS = 200;
    private static final byte[] LINE = "hello, server\n".getBytes(StandardCharsets.UTF_8);

    private SocketServerBench() {}

    static void run(int runs, Report report) throws Exception {
        report.figure("socketserver.threaded_echo_100clients_roundtrips_per_s", "round trips/s", runs,
                () -> serving(TcpServer.bind("127.0.0.1", 0).threadPerConnection(), SocketServerBench::concurrentRoundTrips));
        report.figure("socketserver.process_connections_per_s", "connections/s", runs,
                () -> serving(TcpServer.bind("127.0.0.1", 0).processPerConnection(), SocketServerBench::connectionsInTurn));
    }

    /** CPython's {@code StreamRequestHandler} echo: each line back as it came. */
    static void echo(StreamRequest request) throws IOException {
        for (String line; (line = request.readLine()) != null; ) {
            request.writeLine(line);
        }
    }

    @FunctionalInterface
    private interface Timed {
        double sample(InetSocketAddress server) throws Exception;
    }

    /** A started server, the workload timed against it, two untimed warm-ups. */
    private static Workload serving(TcpServer.Builder builder, Timed timed) throws Exception {
        TcpServer server = builder.open(SocketServerBench::echo).start();
        Workload workload = new Workload() {
            @Override
            public double sample() throws Exception {
                return timed.sample(server.address());
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
        return Workload.warmed(workload, 2);
    }

    private static double concurrentRoundTrips(InetSocketAddress server) throws Exception {
        List<Thread> clients = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofPlatform().start(() -> talk(server, ROUND_TRIPS)));
        }
        for (Thread client : clients) {
            client.join();
        }
        return (double) CLIENTS * ROUND_TRIPS / ((System.nanoTime() - t0) / 1e9);
    }

    private static double connectionsInTurn(InetSocketAddress server) {
        long t0 = System.nanoTime();
        for (int i = 0; i < CONNECTIONS; i++) {
            talk(server, 1);
        }
        return CONNECTIONS / ((System.nanoTime() - t0) / 1e9);
    }

    /** One client: connects, makes {@code roundTrips} line round trips, checks each echo, leaves. */
    private static void talk(InetSocketAddress server, int roundTrips) {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int k = 0; k < roundTrips; k++) {
                out.write(LINE);
                if (!"hello, server".equals(in.readLine())) {
                    throw new IllegalStateException("wrong echo");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("a client failed", e);
        }
    }
}
