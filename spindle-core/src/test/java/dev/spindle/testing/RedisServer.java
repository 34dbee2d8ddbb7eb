package dev.spindle.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server on 127.0.0.1 for the cluster's tests: the one on the PATH, or else the
 * statically linked Redis 7.0 that org.signal's embedded-redis jar ships (a test dependency), so
 * the suite needs nothing installed. Each runs in a directory of its own, with append-only
 * persistence when asked (to survive a restart).
 */
public final class RedisServer implements AutoCloseable {
    private static final String SHIPPED = "redis-server-7.0.15-linux-amd64";
    private static Path binary;

    private final Path dir;
    private final int port;
    private final boolean persistent;
    private Process process;

    private RedisServer(Path dir, int port, boolean persistent) {
        this.dir = dir;
        this.port = port;
        this.persistent = persistent;
    }

    /** Starts a server on a free port, persistent (append-only, fsync always) if asked. */
    public static RedisServer start(boolean persistent) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(Files.createTempDirectory("spindle-redis"), freePort(), persistent);
        server.launch();
        return server;
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Starts it again on the same port and directory (after {@link #kill} or {@link #close}). */
    public void restart() throws IOException, InterruptedException {
        launch();
    }

    /** SIGKILLs it: nothing is saved beyond what the append-only file already holds. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--protected-mode", "no"));
        command.addAll(persistent ? List.of("--appendonly", "yes", "--appendfsync", "always") : List.of("--appendonly", "no"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        Deadlines.await("redis-server answers PING on port " + port, Deadlines.CHILD, this::answers);
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new AssertionError("redis-server exited: " + log());
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            InputStream in = socket.getInputStream();
            return in.readNBytes(reply, 0, 7) == 7 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops it (SIGTERM, SIGKILL if it lingers). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** redis-server from the PATH, or the shipped one copied out of its jar once per JVM. */
    private static synchronized Path binary() throws IOException {
        if (binary != null) {
            return binary;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "redis-server");
            if (Files.isExecutable(candidate)) {
                return binary = candidate;
            }
        }
        try (InputStream shipped = RedisServer.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (shipped == null) {
                throw new UncheckedIOException(new IOException("no redis-server on the PATH and no " + SHIPPED
                        + " on the test class path (org.signal:embedded-redis)"));
            }
            Path copy = Files.createTempFile("spindle-redis-server", "");
            Files.copy(shipped, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().setExecutable(true);
            copy.toFile().deleteOnExit();
            return binary = copy;
        }
    }
}
