package dev.spindle.cluster;

import dev.spindle.internal.cluster.ClusterLinks;
import java.io.IOException;
import java.io.InputStream;
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
 * A redis-server on 127.0.0.1, for trying a cluster on one machine, for examples and for tests:
 * the {@code redis-server} on the PATH, or else the statically linked Redis 7.0 (Linux x86-64)
 * that {@code org.signal:embedded-redis} ships, when that jar is on the class path. Each runs on a
 * free port in a directory of its own, persistent (append-only, fsync always) when asked, so that
 * it keeps what it was told across a {@link #kill()} and {@link #restart()}. Not for production:
 * run your own Redis there.
 */
public final class LocalRedis implements AutoCloseable {
    private static final String SHIPPED = "redis-server-7.0.15-linux-amd64";
    private static Path binary;

    private final Path dir;
    private final int port;
    private final boolean persistent;
    private Process process;

    private LocalRedis(Path dir, int port, boolean persistent) {
        this.dir = dir;
        this.port = port;
        this.persistent = persistent;
    }

    /**
     * Starts a server on a free port, persistent if asked, and waits until it answers.
     *
     * @throws IOException if there is no redis-server to run, or it cannot start
     */
    public static LocalRedis start(boolean persistent) throws IOException, InterruptedException {
        LocalRedis server = new LocalRedis(Files.createTempDirectory("spindle-redis"), freePort(), persistent);
        server.launch();
        return server;
    }

    /** Its URI: {@code redis://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** The server's process id (it changes at {@link #restart()}). */
    public long pid() {
        return process.pid();
    }

    /** Its port. */
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + log());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IOException("redis-server did not answer on port " + port + " within 30 s: " + log());
            }
            Thread.sleep(20); // it is starting: a moment, then ask again
        }
    }

    private boolean answers() {
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

    /**
     * Stops it (SIGTERM, SIGKILL if it lingers), for good: this JVM's connections to it are closed
     * too, so none goes on trying to reconnect (a cluster's primitives and pools that still use it
     * fail, saying Redis cannot be reached).
     */
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
        } finally {
            ClusterLinks.closeAll(uri().toString());
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
        try (InputStream shipped = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader().getResourceAsStream(SHIPPED)
                : ClassLoader.getSystemResourceAsStream(SHIPPED)) {
            if (shipped == null) {
                throw new IOException("no redis-server on the PATH (apt-get install redis-server), and no " + SHIPPED
                        + " on the class path (org.signal:embedded-redis)");
            }
            Path copy = Files.createTempFile("spindle-redis-server", ""); // a jar entry cannot be run
            Files.copy(shipped, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().setExecutable(true);
            copy.toFile().deleteOnExit();
            return binary = copy;
        }
    }
}
