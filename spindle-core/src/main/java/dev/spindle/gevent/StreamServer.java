package dev.spindle.gevent;

import dev.spindle.internal.waits.Uninterruptibly;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.CountDownLatch;

/**
 * gevent's {@code StreamServer}: a TCP server that accepts connections on a task of its own and
 * spawns one task per connection, which runs the handler and then closes the socket. A handler
 * that throws is logged (as gevent prints its traceback) and the server goes on serving.
 * Connections are limited only by the file-descriptor limit: each waiting handler is a parked
 * virtual thread, so 10,000 open connections cost a few megabytes.
 *
 * <pre>{@code
 * try (StreamServer server = new StreamServer(new InetSocketAddress("127.0.0.1", 0), (socket, address) -> ...).start()) {
 *     connect to server.address() ...
 * }
 * }</pre>
 */
public final class StreamServer implements AutoCloseable {
    /** What serves one connection; the server closes the socket when it returns or throws. */
    @FunctionalInterface
    public interface Handler {
        void handle(Socket socket, InetSocketAddress client) throws Exception;
    }

    /** Connections waiting to be accepted: the kernel caps this (net.core.somaxconn). */
    private static final int BACKLOG = 16_384;
    private static final System.Logger LOG = System.getLogger(StreamServer.class.getName());

    private final InetSocketAddress listen;
    private final Handler handler;
    private final Group handlers;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile ServerSocket socket;

    /** A server for {@code listen} (port 0: one the OS picks) whose handlers run in a group of their own. */
    public StreamServer(InetSocketAddress listen, Handler handler) {
        this(listen, handler, new Group());
    }

    /**
     * gevent's {@code StreamServer(listener, handle, spawn=pool)}: handlers are spawned in
     * {@code handlers}; with a {@link Pool}, the server stops accepting while the pool is full.
     */
    public StreamServer(InetSocketAddress listen, Handler handler, Group handlers) {
        this.listen = listen;
        this.handler = handler;
        this.handlers = handlers;
    }

    /**
     * gevent's {@code server.start()}: binds, listens and starts accepting on a task of its own.
     *
     * @return this server
     * @throws IllegalStateException when it was started before
     */
    public synchronized StreamServer start() throws IOException {
        if (socket != null) {
            throw new IllegalStateException("server already started");
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen, BACKLOG);
        socket = server;
        Thread.ofVirtual().name("stream-server-accept").start(() -> acceptUntilClosed(server));
        return this;
    }

    private void acceptUntilClosed(ServerSocket server) {
        try {
            while (true) {
                Socket connection = server.accept();
                handlers.spawn(() -> serve(connection));
            }
        } catch (SocketException closed) {
            // stop() closed the listening socket
        } catch (IOException | InterruptedException e) {
            LOG.log(System.Logger.Level.ERROR, "StreamServer stopped accepting on " + server.getLocalSocketAddress(), e);
        } finally {
            stopped.countDown();
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            handler.handle(connection, (InetSocketAddress) connection.getRemoteSocketAddress());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "handler failed for " + connection.getRemoteSocketAddress(), e);
        }
    }

    /**
     * gevent's {@code server.address}: where the server listens (with the port the OS picked).
     *
     * @throws IllegalStateException when the server has not been started
     */
    public InetSocketAddress address() {
        ServerSocket server = socket;
        if (server == null) {
            throw new IllegalStateException("server not started");
        }
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** gevent's {@code serve_forever()}: starts the server if needed and waits until it is stopped. */
    public void serveForever() throws IOException, InterruptedException {
        synchronized (this) {
            if (socket == null) {
                start();
            }
        }
        stopped.await();
    }

    /** How many connections are being served now. */
    public int connections() {
        return handlers.size();
    }

    /**
     * gevent's {@code server.stop()}: stops accepting, kills the handlers still running (their
     * sockets close) and waits until they have ended.
     */
    public void stop() throws IOException, InterruptedException {
        ServerSocket server = socket;
        if (server != null) {
            server.close();
            stopped.await();
        }
        handlers.kill();
    }

    /** {@link #stop()}, waiting through interrupts (the interrupt status is kept), as try-with-resources needs. */
    @Override
    public void close() throws IOException {
        ServerSocket server = socket;
        if (server != null) {
            server.close();
        }
        Uninterruptibly.await(() -> {
            if (server != null) {
                stopped.await();
            }
            handlers.kill();
        });
    }
}
