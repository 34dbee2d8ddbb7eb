package dev.spindle.socketserver;

import dev.spindle.Spindle;
import dev.spindle.internal.waits.Uninterruptibly;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/**
 * Python's {@code socketserver.TCPServer} and its mixins: a TCP server whose connections are
 * served by a {@link RequestHandler}, in one of four ways chosen when it is built:
 * <ul>
 *   <li>{@linkplain Builder#oneAtATime() one at a time} ({@code TCPServer}): a second client
 *       waits until the first is done;</li>
 *   <li>{@linkplain Builder#threadPerConnection() a thread per connection}
 *       ({@code ThreadingTCPServer}), virtual by default: thousands of clients at once;</li>
 *   <li>{@linkplain Builder#processPerConnection() a child JVM per connection}
 *       ({@code ForkingTCPServer}): each connection under way has a process of its own, so a
 *       crash ends that connection only;</li>
 *   <li>{@linkplain Builder#processPool(int) a pool of child JVMs}: W connections at once, the
 *       others wait for a free child.</li>
 * </ul>
 * In the process variants the child talks to the client itself: this JVM accepts, passes the
 * socket's descriptor to the child ({@code SCM_RIGHTS}) and closes its own copy. Children are
 * started ahead and serve one connection after another (a JVM does not fork), so a connection
 * seldom waits for a JVM to start; a child that dies is replaced, and only its client's connection
 * closes.
 *
 * <pre>{@code
 * try (TcpServer server = TcpServer.bind("127.0.0.1", 0).threadPerConnection().open(request -> {
 *         for (String line; (line = request.readLine()) != null; ) {
 *             request.writeLine(line.toUpperCase());
 *         }
 *     })) {
 *     server.serveForever();   // until another thread calls server.shutdown()
 * }
 * }</pre>
 *
 * <p>A handler that throws is logged with its client's address, and the server goes on. With a
 * {@linkplain Builder#timeout(Duration) timeout}, a client that sends nothing for that long has
 * its handler's read fail, so a stalled client cannot hold a server forever.
 */
public final class TcpServer implements AutoCloseable {
    /** Python's {@code ForkingMixIn.max_children}. */
    public static final int DEFAULT_MAX_CHILDREN = 40;
    private static final System.Logger LOG = System.getLogger(TcpServer.class.getName());

    private final ServingEngine<?> engine;
    private final String description;
    private final Object serving = new Object();
    /** The thread in {@link #serveForever()}, if any; guarded by {@link #serving}. */
    private Thread server;
    private CountDownLatch loopEnded = new CountDownLatch(0);
    private volatile boolean shutdownRequested;
    private volatile boolean closed;

    private TcpServer(ServingEngine<?> engine, String description) {
        this.engine = engine;
        this.description = description;
    }

    /** A builder for a server listening on {@code address}; port 0 lets the OS pick one. */
    public static Builder bind(InetSocketAddress address) {
        return new Builder(Objects.requireNonNull(address, "address"));
    }

    /** A builder for a server listening on {@code host:port}; port 0 lets the OS pick one. */
    public static Builder bind(String host, int port) {
        return bind(new InetSocketAddress(host, port));
    }

    /** Python's {@code server_address}: where it listens, with the port the OS picked. */
    public InetSocketAddress address() {
        return engine.listener().address();
    }

    /**
     * Python's {@code serve_forever()}: accepts and serves connections until {@link #shutdown()}
     * or {@link #close()}. A failed accept (too many open files, say) is logged and the loop goes
     * on.
     *
     * @throws IllegalStateException when another thread is serving already, or the server is closed
     * @throws InterruptedException  when the thread is interrupted while it waits for a free child
     */
    public void serveForever() throws InterruptedException {
        enter(Thread.currentThread());
        try {
            serveUntilShutdown();
        } finally {
            leave();
        }
    }

    private void serveUntilShutdown() throws InterruptedException {
        while (!shutdownRequested) {
            serveNextLogged();
        }
    }

    /**
     * Python's {@code handle_request()}: accepts one connection and has it served (or waits
     * until {@link #shutdown()}).
     *
     * @return false when {@link #shutdown()} ended the wait
     * @throws IOException when the accept fails
     */
    public boolean handleRequest() throws IOException, InterruptedException {
        enter(Thread.currentThread());
        try {
            return !shutdownRequested && engine.serveNext();
        } finally {
            leave();
        }
    }

    /**
     * Runs {@link #serveForever()} on a platform thread of its own, serving from now on; returns
     * this server.
     *
     * @throws IllegalStateException when another thread is serving already, or the server is closed
     */
    public TcpServer start() {
        Thread thread = Thread.ofPlatform().name("tcp-server " + address()).unstarted(() -> {
            try {
                serveUntilShutdown();
            } catch (InterruptedException e) {
                LOG.log(Level.WARNING, this + " stopped serving: interrupted", e);
            } finally {
                leave();
            }
        });
        enter(thread);
        thread.start();
        return this;
    }

    private void enter(Thread thread) {
        synchronized (serving) {
            if (closed) {
                throw new IllegalStateException(this + " is closed");
            }
            if (server != null) {
                throw new IllegalStateException(this + " is already serving on " + server);
            }
            server = thread;
            loopEnded = new CountDownLatch(1);
        }
    }

    /** As Python's {@code serve_forever}, a shutdown request is cleared when the loop ends. */
    private void leave() {
        synchronized (serving) {
            server = null;
            shutdownRequested = false;
            loopEnded.countDown();
        }
    }

    private void serveNextLogged() throws InterruptedException {
        try {
            engine.serveNext();
        } catch (IOException e) {
            if (!shutdownRequested) {
                LOG.log(Level.WARNING, this + " could not accept or hand over a connection", e);
                Thread.sleep(10); // a full descriptor table would otherwise be retried in a busy loop
            }
        }
    }

    /**
     * Python's {@code shutdown()}: ends {@link #serveForever()} and waits until it has returned
     * (at once when called from the serving thread itself, which returns after this connection).
     * Connections under way go on; the server can serve again.
     */
    public void shutdown() throws InterruptedException {
        CountDownLatch ended;
        synchronized (serving) {
            shutdownRequested = true;
            ended = loopEnded;
            if (server == null || server == Thread.currentThread()) {
                return;
            }
        }
        try {
            engine.listener().wake();
        } catch (IOException e) {
            throw new IllegalStateException("could not wake " + this, e);
        }
        ended.await();
    }

    /**
     * Python's {@code server_close()}, after a {@link #shutdown()}: stops listening, then waits
     * until the connections under way have ended (Python's {@code block_on_close}) and the
     * children have exited. Idempotent; waits through interrupts, keeping the interrupt status.
     */
    @Override
    public void close() throws IOException {
        synchronized (serving) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Uninterruptibly.await(this::shutdown);
        engine.listener().close();
        Uninterruptibly.await(engine.dispatch()::close);
    }

    @Override
    public String toString() {
        return "TcpServer[" + address() + ", " + description + "]";
    }

    /** How a {@link TcpServer} serves; {@link #open} binds it. Not thread-safe. */
    public static final class Builder {
        private final InetSocketAddress address;
        private Kind kind = Kind.ONE_AT_A_TIME;
        private ThreadFactory threads = Thread.ofVirtual().name("tcp-handler-", 0).factory();
        private int children;
        private Duration timeout;
        private int maxLine = StreamRequest.DEFAULT_MAX_LINE;
        private int backlog = 4096;

        private Builder(InetSocketAddress address) {
            this.address = address;
        }

        /** Python's {@code TCPServer}: the serving thread serves each connection itself (the default). */
        public Builder oneAtATime() {
            kind = Kind.ONE_AT_A_TIME;
            return this;
        }

        /** Python's {@code ThreadingTCPServer}: each connection on a virtual thread of its own. */
        public Builder threadPerConnection() {
            return threadPerConnection(Thread.ofVirtual().name("tcp-handler-", 0).factory());
        }

        /** Each connection on a thread made by {@code factory} (platform threads, say). */
        public Builder threadPerConnection(ThreadFactory factory) {
            kind = Kind.THREAD_PER_CONNECTION;
            threads = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Python's {@code ForkingTCPServer}: each connection under way in a child JVM of its own,
         * up to {@link #DEFAULT_MAX_CHILDREN} at once (further connections wait for one to end).
         * As many idle children as there are CPUs are kept ready.
         */
        public Builder processPerConnection() {
            return processPerConnection(DEFAULT_MAX_CHILDREN);
        }

        /** {@link #processPerConnection()} with at most {@code maxChildren} children at once. */
        public Builder processPerConnection(int maxChildren) {
            kind = Kind.PROCESS_PER_CONNECTION;
            children = positive(maxChildren, "maxChildren");
            return this;
        }

        /**
         * A fixed pool of {@code processes} child JVMs, as Python's {@code Pool} serving sockets:
         * that many connections at once, the others wait until a child is free.
         */
        public Builder processPool(int processes) {
            kind = Kind.PROCESS_POOL;
            children = positive(processes, "processes");
            return this;
        }

        /**
         * Python's {@code StreamRequestHandler.timeout}: a read that waits longer for the client
         * fails with {@link java.net.SocketTimeoutException}. Null (the default): for ever.
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The longest line {@link StreamRequest#readLine()} accepts, in bytes. */
        public Builder maxLine(int bytes) {
            maxLine = positive(bytes, "maxLine");
            return this;
        }

        /** Python's {@code request_queue_size}: connections the kernel holds until accepted (default 4096). */
        public Builder backlog(int connections) {
            backlog = positive(connections, "backlog");
            return this;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + value);
            }
            return value;
        }

        /**
         * Binds and listens (Python's constructor with {@code bind_and_activate}); serving begins
         * with {@link TcpServer#serveForever()} or {@link TcpServer#start()}. The process variants
         * start their children now.
         *
         * @param handler serves each connection; serializable for the process variants
         * @throws IOException when the address cannot be bound
         */
        public TcpServer open(RequestHandler handler) throws IOException {
            RequestSettings settings = new RequestSettings(Objects.requireNonNull(handler, "handler"), timeout, maxLine);
            return switch (kind) {
                case ONE_AT_A_TIME -> new TcpServer(new ServingEngine<>(
                        new ChannelListener(address, backlog), new InlineDispatch(settings)), kind.text);
                case THREAD_PER_CONNECTION -> new TcpServer(new ServingEngine<>(
                        new ChannelListener(address, backlog), new ThreadDispatch(settings, threads)), kind.text);
                case PROCESS_PER_CONNECTION -> inChildren(settings, Math.min(children, Spindle.cpuCount()), children);
                case PROCESS_POOL -> inChildren(settings, children, children);
            };
        }

        private TcpServer inChildren(RequestSettings settings, int spare, int max) throws IOException {
            DescriptorListener listener = new DescriptorListener(address, backlog);
            return new TcpServer(new ServingEngine<>(listener, new ChildServers(settings, spare, max)),
                    kind.text + " (" + max + " at most)");
        }
    }

    private enum Kind {
        ONE_AT_A_TIME("one connection at a time"),
        THREAD_PER_CONNECTION("a thread per connection"),
        PROCESS_PER_CONNECTION("a child JVM per connection"),
        PROCESS_POOL("a pool of child JVMs");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }
}
