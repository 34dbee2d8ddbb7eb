package dev.spindle.cli;

import dev.spindle.generator.Generator;
import dev.spindle.gevent.Gevent;
import dev.spindle.gevent.StreamServer;
import dev.spindle.gevent.Task;
import dev.spindle.greenlet.Greenlet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * The generator, greenlet and gevent figures of the coroutines suite, the same workloads as
 * {@code cpython_coroutines.py}: sends into a running-average generator; switches to a greenlet and
 * back; trivial tasks spawned, then joined; a StreamServer echoing lines to 100 spawned clients in
 * the same JVM. The generator and greenlet figures are taken with the main thread as the caller (each
 * hand-off then wakes a platform thread), and again ({@code .in_virtual_thread}) with a virtual
 * thread as the caller, as code in a spawned task has; CPython's workload is the same for both.
 */
final class CoroutineBench {
    private static final int SENDS = 1_000_000;
    private static final int SWITCHES = 1_000_000;
    private static final int SPAWNS = 10_000;
    private static final int CLIENTS = 100;
    private static final int LINES = 200;

    private CoroutineBench() {}

    static void run(int runs, Report report) throws Exception {
        report.figure("generator.send_per_s", "sends/s", runs, () -> warmed(CoroutineBench::sendsPerSecond));
        report.figure("greenlet.switch_roundtrip_per_s", "round trips/s", runs, () -> warmed(CoroutineBench::switchRoundTripsPerSecond));
        report.figure("generator.send_per_s.in_virtual_thread", "sends/s", runs,
                () -> warmed(() -> inVirtualThread(CoroutineBench::sendsPerSecond)));
        report.figure("greenlet.switch_roundtrip_per_s.in_virtual_thread", "round trips/s", runs,
                () -> warmed(() -> inVirtualThread(CoroutineBench::switchRoundTripsPerSecond)));
        report.figure("gevent.spawn_joinall_per_s", "tasks/s", runs, () -> warmed(CoroutineBench::spawnJoinAllPerSecond));
        report.figure("gevent.echo_100clients_roundtrips_per_s", "round trips/s", runs, CoroutineBench::echoServer);
    }

    /** One untimed run first, for the JIT, as CPython's script warms up once. */
    private static Workload warmed(Workload workload) throws Exception {
        workload.sample();
        return workload;
    }

    /** A sample taken with a virtual thread as the caller (as code in a spawned task is): its hand-offs park no platform thread. */
    private static double inVirtualThread(DoubleSupplier sample) throws Exception {
        CompletableFuture<Double> rate = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> rate.complete(sample.getAsDouble())).join();
        return rate.get();
    }

    private static double sendsPerSecond() {
        Generator<Double, Double> avg = Generator.of(y -> {
            double total = 0;
            int counter = 0;
            Double mean = null;
            while (true) {
                total += y.yield(mean);
                mean = total / ++counter;
            }
        });
        avg.next();
        long t0 = System.nanoTime();
        for (int i = 0; i < SENDS; i++) {
            avg.send(1.0);
        }
        double rate = SENDS / ((System.nanoTime() - t0) / 1e9);
        avg.close();
        return rate;
    }

    private static double switchRoundTripsPerSecond() {
        Greenlet main = Greenlet.current();
        Greenlet bounce = new Greenlet(args -> {
            while (true) {
                main.switchTo();
            }
        });
        bounce.switchTo();
        long t0 = System.nanoTime();
        for (int i = 0; i < SWITCHES; i++) {
            bounce.switchTo();
        }
        double rate = SWITCHES / ((System.nanoTime() - t0) / 1e9);
        bounce.throwIn();
        return rate;
    }

    private static double spawnJoinAllPerSecond() throws InterruptedException {
        long t0 = System.nanoTime();
        List<Task<Void>> tasks = new ArrayList<>(SPAWNS);
        for (int i = 0; i < SPAWNS; i++) {
            tasks.add(Gevent.spawn(() -> { }));
        }
        Gevent.joinAll(tasks);
        return SPAWNS / ((System.nanoTime() - t0) / 1e9);
    }

    /** Echoes lines until EOF. */
    private static void echo(Socket socket, InetSocketAddress client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        for (String line; (line = in.readLine()) != null; ) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void client(InetSocketAddress server) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < LINES; i++) {
                out.write(("hello " + i + "\n").getBytes(StandardCharsets.UTF_8));
                if (in.readLine() == null) {
                    throw new IOException("the server closed the connection");
                }
            }
        }
    }

    /** One server per round, as CPython's script starts one per run; each sample times the 100 clients' 200 round trips. */
    @SuppressWarnings("try") // a Workload's close may wait for the handlers, so it may be interrupted
    private static Workload echoServer() throws Exception {
        StreamServer server = new StreamServer(new InetSocketAddress("127.0.0.1", 0), CoroutineBench::echo).start();
        return warmed(new Workload() {
            @Override
            public double sample() throws Exception {
                long t0 = System.nanoTime();
                List<Task<Void>> clients = new ArrayList<>(CLIENTS);
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(Gevent.spawn(() -> client(server.address())));
                }
                Gevent.joinAll(clients, null, true);
                return CLIENTS * LINES / ((System.nanoTime() - t0) / 1e9);
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        });
    }
}
