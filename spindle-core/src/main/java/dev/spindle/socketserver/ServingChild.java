package dev.spindle.socketserver;

import dev.spindle.internal.nativeio.SocketCalls;
import dev.spindle.multiprocessing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parent's side of one serving child JVM: it starts the child, waits for it on a Unix socket
 * of its own, then hears each {@link ChildServerLoop#DONE} until the child's end, which it reports
 * to its {@link ChildServers}. One platform thread each, as it blocks in native calls.
 */
final class ServingChild {
    /** How often a start checks that the child it waits for is still alive. */
    private static final int START_POLL_MILLIS = 50;

    private final ChildServers owner;
    private final Path socket;
    private final ChildProcess process;
    private volatile int channel = -1;
    /** Whether it has a connection now; guarded by the owner. */
    boolean busy;

    ServingChild(ChildServers owner, Path socket, RequestSettings settings) {
        this.owner = owner;
        this.socket = socket;
        this.process = new ChildProcess(ChildServerLoop::serve, socket.toString(), settings)
                .name("tcp-server-child").daemon(true);
    }

    /** Starts the child and its watcher thread. */
    void start() {
        Thread.ofPlatform().name("tcp-server-child-watch").daemon(true).start(this::watch);
    }

    private void watch() {
        try {
            channel = connect();
        } catch (IOException | RuntimeException | InterruptedException e) {
            owner.startFailed(this, e);
            process.kill();
            return;
        }
        owner.ready(this);
        try {
            while (SocketCalls.receiveDescriptor(channel) == -1) {
                owner.done(this);
            }
        } catch (IOException ended) {
            // the child has gone: reported below
        }
        SocketCalls.close(channel);
        try {
            process.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        owner.gone(this);
    }

    /** Starts the child and takes its connection to this side's socket, which is then removed. */
    private int connect() throws IOException, InterruptedException {
        int listening = SocketCalls.listenUnix(socket, 1);
        try {
            process.start();
            while (SocketCalls.pollReadable(new int[] {listening}, START_POLL_MILLIS) < 0) {
                if (!process.isAlive()) {
                    process.join();
                    throw new IOException("the serving child JVM ended before it took connections (exit code "
                            + process.exitCode() + ")");
                }
            }
            return SocketCalls.accept(listening);
        } finally {
            SocketCalls.close(listening);
            Files.deleteIfExists(socket);
        }
    }

    /**
     * Passes the connection's descriptor to the child.
     *
     * @return false when the child has gone (its watcher reports it)
     */
    boolean hand(int connection) {
        try {
            SocketCalls.sendDescriptor(channel, ChildServerLoop.CONNECTION, connection);
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    /** Lets the child go: it ends after the connection it serves, if any. */
    void retire() {
        try {
            SocketCalls.shutdownOutput(channel);
        } catch (IOException gone) {
            // the child has gone already: its watcher reports it
        }
    }

    long pid() {
        return process.pid();
    }

    Integer exitCode() {
        return process.exitCode();
    }
}
