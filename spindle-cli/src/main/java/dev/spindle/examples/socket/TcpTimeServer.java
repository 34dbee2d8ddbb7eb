package dev.spindle.examples.socket;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.socketserver.TcpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's single-threaded time server: each client gets the current date and time (as Python
 * prints a {@code datetime}), then the connection closes. Clients are served one at a time: here
 * each answer takes a moment of work, so clients that connect together get times one work apart,
 * each queued behind the one before.
 *
 * <p>Arguments: [clients (default 3)] [seconds of work per answer, seed time (default 0.2; the
 * seed has none)].
 */
public final class TcpTimeServer extends Example {
    /** Python's {@code str(datetime.now())}. */
    static final DateTimeFormatter PYTHON_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    public TcpTimeServer() {
        super("tcp-time-server", "a one-at-a-time TCP server sends each client the time; clients queue behind each other");
    }

    @Override
    public void run(String... args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double work = args.length > 1 ? Double.parseDouble(args[1]) : 0.2;
        try (TcpServer server = TcpServer.bind("127.0.0.1", 0).oneAtATime().open(request -> {
            Speed.sleep(work);
            request.write(LocalDateTime.now().format(PYTHON_DATETIME));
        }).start()) {
            System.out.println("a one-at-a-time server on 127.0.0.1:" + server.address().getPort()
                    + "; each answer takes " + work + " s" + Speed.atSpeed(work));
            List<Thread> readers = new ArrayList<>();
            for (int i = 1; i <= clients; i++) {
                int client = i;
                readers.add(Thread.ofPlatform().start(() -> ask(server.address(), client)));
            }
            for (Thread reader : readers) {
                reader.join();
            }
        }
    }

    /** The test the seed has not: a client reads to the end and prints what it got. */
    private static void ask(InetSocketAddress server, int client) {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            String time = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("client " + client + " got " + time);
        } catch (IOException e) {
            System.out.println("client " + client + " failed: " + e);
        }
    }
}
