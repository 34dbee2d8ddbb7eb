package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** pool-socket-server: with Pool(2), two clients are served at once and the third waits for one to leave. */
class PoolSocketServerTest {
    /** Long enough for the pool's JVMs to start and answer on a loaded machine. */
    private static final Duration CHILD = Duration.ofSeconds(30);
    /** How long to watch that the third client gets NO answer. */
    private static final Duration QUIET = Duration.ofMillis(500);
    @Test
    void twoWorkersServeTwoClientsWhileTheThirdWaits() throws Exception {
        Process server = new ProcessBuilder(DemoRun.command("demo", "pool-socket-server", "2", "3")).redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().start(() -> new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(l -> {
                    output.add(l);
                    lines.add(l);
                }));
        try {
            String first = lines.poll(CHILD.toSeconds(), TimeUnit.SECONDS);
            assertThat(first).as("the server's first line").isNotNull();
            Matcher port = Pattern.compile("listening on 127.0.0.1:(\\d+)").matcher(first);
            assertThat(port.find()).as(first).isTrue();
            int p = Integer.parseInt(port.group(1));
            Socket c1 = client(p); // closed early below, to free a worker
            try (c1; Socket c2 = client(p); Socket c3 = client(p)) {
                assertThat(exchange(c1, "hello")).isEqualTo("HELLO");
                assertThat(exchange(c2, "world")).isEqualTo("WORLD");
                c3.getOutputStream().write("waiting".getBytes(StandardCharsets.UTF_8));
                c3.setSoTimeout((int) QUIET.toMillis());
                assertThat(readOrNothing(c3)).as("a third client waits while two workers are busy").isNull();
                c1.close(); // a worker is free again
                c3.setSoTimeout((int) CHILD.toMillis());
                assertThat(readOrNothing(c3)).isEqualTo("WAITING");
            }
            assertThat(server.waitFor(CHILD.toSeconds(), TimeUnit.SECONDS)).isTrue();
            reader.join();
            assertThat(server.exitValue()).isZero();
            List<String> pids = output.stream().filter(l -> l.startsWith("进程pid: ")).toList();
            assertThat(pids).hasSize(3);
            assertThat(new HashSet<>(pids)).hasSizeBetween(1, 2);
        } finally {
            server.destroyForcibly();
        }
    }

    private static Socket client(int port) throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout((int) CHILD.toMillis());
        return s;
    }

    private static String exchange(Socket s, String message) throws Exception {
        s.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        return readOrNothing(s);
    }

    /** What arrives next, or null if nothing arrives before the socket's timeout. */
    private static String readOrNothing(Socket s) throws Exception {
        byte[] buffer = new byte[1024];
        try {
            int n = s.getInputStream().read(buffer);
            return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException nothing) {
            return null;
        }
    }
}
