package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.gevent.StreamServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server that spawns a task per connection (an upper-case echo), with the seed's load client: 500
 * clients, each sending "Thread-N say hello k" and reading the echo, here for a bounded time instead
 * of for ever. The seed's single OS thread is here a few carrier threads under one virtual thread
 * per connection; nothing is monkey-patched. The handler ends at EOF (the seed's spins on b'').
 *
 * <p>Arguments: [clients (default 500)] [seconds of load, seed time (default 5)]. Only the first
 * messages and echoes are printed, then a summary.
 */
public final class GeventSocketServer extends Example {
    private static final int PRINTED = 5;

    public GeventSocketServer() {
        super("gevent-socket-server", "a StreamServer spawns a task per connection; 500 clients keep getting upper-cased echoes");
    }

    private final AtomicInteger printedMessages = new AtomicInteger();
    private final AtomicInteger printedEchoes = new AtomicInteger();

    /** The seed's talk(): echoes each chunk upper-cased, printing it as Python prints bytes. */
    private void talk(Socket conn, InetSocketAddress addr) throws IOException {
        InputStream in = conn.getInputStream();
        OutputStream out = conn.getOutputStream();
        byte[] buffer = new byte[1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            String res = new String(buffer, 0, n, StandardCharsets.UTF_8);
            if (printedMessages.getAndIncrement() < PRINTED) {
                System.out.printf("client %s:%s msg: b'%s'%n", addr.getAddress().getHostAddress(), addr.getPort(), res);
            }
            out.write(res.toUpperCase().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The seed's load client: sends, reads the echo (all of it), until the deadline; counts what was right. */
    private void client(InetSocketAddress server, String name, long deadline, AtomicLong roundTrips, AtomicInteger wrong,
            AtomicInteger answered) throws IOException {
        try (Socket c = new Socket(server.getAddress(), server.getPort())) {
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            int count = 0;
            do {
                byte[] msg = "%s say hello %s".formatted(name, count).getBytes(StandardCharsets.UTF_8);
                out.write(msg);
                byte[] echo = in.readNBytes(msg.length);
                String reply = new String(echo, StandardCharsets.UTF_8);
                if (!reply.equals(new String(msg, StandardCharsets.UTF_8).toUpperCase())) {
                    wrong.incrementAndGet();
                }
                if (printedEchoes.getAndIncrement() < PRINTED) {
                    System.out.println(reply);
                }
                roundTrips.incrementAndGet();
                if (count == 0) {
                    answered.incrementAndGet();
                }
                count++;
            } while (System.nanoTime() < deadline);
        }
    }

    @Override
    public void run(String... args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        double seconds = (args.length > 1 ? Double.parseDouble(args[1]) : 5) * Speed.factor();
        try (StreamServer server = new StreamServer(new InetSocketAddress("127.0.0.1", 0), this::talk).start()) {
            AtomicLong roundTrips = new AtomicLong();
            AtomicInteger wrong = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long t0 = System.nanoTime();
            long deadline = t0 + (long) (seconds * 1e9);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = "Thread-" + (i + 1);
                threads.add(Thread.ofVirtual().name(name).start(() -> {
                    try {
                        client(server.address(), name, deadline, roundTrips, wrong, answered);
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        System.out.println(name + ": " + e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            System.out.printf("clients answered: %d of %d; failed: %d; wrong echoes: %d%n", answered.get(), clients, failed.get(), wrong.get());
            System.out.printf("%d round trips in %.2f s (%.0f/s), one StreamServer: a virtual thread per connection on %d carrier threads%n",
                    roundTrips.get(), elapsed, roundTrips.get() / elapsed, Runtime.getRuntime().availableProcessors());
        }
    }
}
