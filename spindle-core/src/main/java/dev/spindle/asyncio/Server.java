package dev.spindle.asyncio;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Python's {@code asyncio.Server} from {@link Asyncio#startServer}: accepts connections (on a
 * virtual thread outside the loop) and runs the handler as a new task of the loop for each. A
 * handler that throws is reported (as Python's loop does) and its connection closed; the server
 * goes on serving.
 */
public final class Server implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Server.class.getName());

    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final ConnectionHandler handler;
    private final Future<Void> closed;

    private Server(EventLoop loop, ServerSocketChannel channel, ConnectionHandler handler) {
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.closed = loop.createFuture();
    }

    static Server start(EventLoop loop, ConnectionHandler handler, String host, int port) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open().bind(new InetSocketAddress(host, port), 1024);
        Server server = new Server(loop, channel, handler);
        loop.track(server);
        Thread.ofVirtual().name("asyncio server " + server.port()).start(server::accept);
        return server;
    }

    /** The port it listens on (the one the OS picked for port 0). */
    public int port() {
        return channel.socket().getLocalPort();
    }

    public boolean isServing() {
        return channel.isOpen();
    }

    /** Stops listening; connections already accepted go on. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the server socket failed", e);
        }
    }

    /** Python's {@code await server.wait_closed()}. */
    public void waitClosed() {
        if (!closed.done()) {
            Asyncio.awaitQuietly(closed);
        }
    }

    /** Python's {@code await server.serve_forever()}: waits until the server is closed (or the task cancelled). */
    public void serveForever() {
        waitClosed();
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel connection = channel.accept();
                loop.callSoonThreadsafe(() -> serve(connection));
            }
        } catch (IOException | RuntimeException closedOrGone) {
            // the server (or its loop) was closed
        }
        try {
            loop.callSoonThreadsafe(() -> {
                if (!closed.done()) {
                    closed.setResult(null);
                }
            });
        } catch (IllegalStateException loopClosed) {
            // nobody waits for it any more
        }
    }

    /** In the loop: a task for the new connection. */
    private void serve(SocketChannel connection) {
        SocketTransport transport;
        try {
            transport = new SocketTransport(loop, connection);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "a connection accepted could not be set up; closed", e);
            try {
                connection.close();
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            return;
        }
        Task<Void> task = loop.createTask(() -> {
            handler.handle(transport.reader, transport.writer);
            return null;
        }, "asyncio connection " + transport.peer());
        task.addDoneCallback(done -> {
            if (!done.cancelled() && done.exception() != null) {
                LOG.log(Level.ERROR, "Unhandled exception in client_connected_cb for " + transport.peer(), done.exception());
                transport.close();
            }
        });
    }
}
