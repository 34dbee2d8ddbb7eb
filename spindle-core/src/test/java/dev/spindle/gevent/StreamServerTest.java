package dev.spindle.gevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** StreamServer: a task per connection, a failing handler does not stop it, 10,000 connections at once. */
class StreamServerTest {
    /**
     * 10,000 connections take 10,000 descriptors on each side: the clients run in a JVM of their
     * own ({@link ConnectionHolder}), so each process stays under this machine's limit of 20,000.
     */
    private static final int CONNECTIONS = 10_000;
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    /** Echoes each line upper-cased until EOF; "fail" makes it throw. */
    static void upperEcho(Socket socket, InetSocketAddress client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("fail")) {
                throw new IllegalStateException("the handler fails on purpose");
            }
            out.write((line.toUpperCase() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static String ask(InetSocketAddress server, String line) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8).println(line);
            socket.shutdownOutput();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    @Test
    void eachConnectionIsServedAndAFailingHandlerDoesNotStopTheServer() throws Exception {
        try (StreamServer server = new StreamServer(ANY_PORT, StreamServerTest::upperEcho).start()) {
            assertThat(server.address().getPort()).isPositive();
            assertThat(ask(server.address(), "hello")).isEqualTo("HELLO");
            assertThat(ask(server.address(), "fail")).as("the failing handler's socket is closed").isNull();
            assertThat(ask(server.address(), "still serving")).isEqualTo("STILL SERVING");
        }
    }

    @Test
    void stopClosesTheListenerAndEndsOpenHandlers() throws Exception {
        StreamServer server = new StreamServer(ANY_PORT, StreamServerTest::upperEcho).start();
        try (Socket idle = new Socket(server.address().getAddress(), server.address().getPort())) {
            PrintWriter out = new PrintWriter(idle.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(idle.getInputStream(), StandardCharsets.UTF_8));
            out.println("open");
            assertThat(in.readLine()).isEqualTo("OPEN");
            assertThat(server.connections()).isEqualTo(1);
            server.stop();
            assertThat(server.connections()).isZero();
            assertThat(in.readLine()).as("the handler's socket was closed").isNull();
        }
    }

    @Test
    void aPoolLimitsTheConnectionsServedAtOnce() throws Exception {
        Pool pool = new Pool(1);
        try (StreamServer server = new StreamServer(ANY_PORT, StreamServerTest::upperEcho, pool).start();
                Socket first = new Socket(server.address().getAddress(), server.address().getPort())) {
            PrintWriter out = new PrintWriter(first.getOutputStream(), true, StandardCharsets.UTF_8);
            out.println("first");
            assertThat(new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8)).readLine())
                    .isEqualTo("FIRST");
            assertThat(pool.full()).isTrue();
            first.shutdownOutput(); // the first handler ends, and the pool takes the next connection
            assertThat(ask(server.address(), "second")).isEqualTo("SECOND");
        }
    }

    @Test
    void tenThousandConnectionsAreServedAtOnce() throws Exception {
        try (StreamServer server = new StreamServer(ANY_PORT, StreamServerTest::upperEcho).start()) {
            Process clients = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConnectionHolder.class.getName(),
                    Integer.toString(server.address().getPort()), Integer.toString(CONNECTIONS))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader report = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
                assertThat(report.readLine()).isEqualTo("answered " + CONNECTIONS);
                assertThat(server.connections()).as("every connection open and served at once").isEqualTo(CONNECTIONS);
                clients.getOutputStream().close(); // the holder closes its connections
                assertThat(clients.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(clients.exitValue()).isZero();
            } finally {
                clients.destroyForcibly();
            }
        }
    }

    /** The client side of the 10,000 connections, in a JVM of its own. */
    static final class ConnectionHolder {
        private ConnectionHolder() {}

        /** Opens N connections, each asks one line and stays open; reports when all are answered; closes them at stdin EOF. */
        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[0]);
            int n = Integer.parseInt(args[1]);
            List<Socket> sockets = new ArrayList<>();
            List<Thread> askers = new ArrayList<>();
            List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < n; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                sockets.add(socket);
                int id = i;
                askers.add(Thread.ofVirtual().start(() -> {
                    try {
                        socket.getOutputStream().write(("client " + id + "\n").getBytes(StandardCharsets.UTF_8));
                        String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
                        if (!("CLIENT " + id).equals(reply)) {
                            wrong.add(id + ": " + reply);
                        }
                    } catch (IOException e) {
                        wrong.add(id + ": " + e);
                    }
                }));
            }
            for (Thread asker : askers) {
                asker.join();
            }
            System.out.println(wrong.isEmpty() ? "answered " + n : "wrong answers: " + wrong.subList(0, Math.min(5, wrong.size())));
            System.out.flush();
            System.in.read();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
