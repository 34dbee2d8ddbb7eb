package dev.spindle.internal.transport;

import dev.spindle.internal.launch.ControlDirectory;
import dev.spindle.internal.wire.CorruptFrameException;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening socket whose connections authenticate before they are handed out: a virtual thread
 * accepts sockets and runs each {@link Handshake} in a virtual thread of its own, with a deadline
 * of {@link #HANDSHAKE_TIMEOUT}, so a peer that sends garbage or stalls holds up no one. What the
 * public {@code Listener} and a manager's server are made of.
 */
public final class SocketListener implements Closeable {
    /** How long a new connection has to finish its handshake. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger SOCKET_FILES = new AtomicInteger();
    private static final Object CLOSED = new Object();
    /** Connections the kernel queues before they are accepted: a hundred clients may connect at once. */
    private static final int BACKLOG = 1024;

    private final ServerSocketChannel server;
    private final SocketAddress address;
    private final byte[] key;
    private final int maxMessageBytes;
    private final Path socketFile;
    /** Authenticated ends, Refused handshakes, and CLOSED. */
    private final LinkedBlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private SocketListener(ServerSocketChannel server, byte[] key, int maxMessageBytes, Path socketFile) throws IOException {
        this.server = server;
        this.address = server.getLocalAddress();
        this.key = key;
        this.maxMessageBytes = maxMessageBytes;
        this.socketFile = socketFile;
        Thread.ofVirtual().name("spindle-listener-" + address).start(this::acceptAll);
    }

    /**
     * Listens on {@code address}: TCP, or a Unix domain socket whose file it removes when closed.
     * Ends it hands out take messages of up to {@code maxMessageBytes}.
     */
    public static SocketListener open(SocketAddress address, byte[] key, int maxMessageBytes) throws IOException {
        boolean unix = Objects.requireNonNull(address, "address") instanceof UnixDomainSocketAddress;
        ServerSocketChannel server = unix ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
        try {
            server.bind(address, BACKLOG);
            return new SocketListener(server, key, maxMessageBytes, unix ? ((UnixDomainSocketAddress) address).getPath() : null);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A new path for a Unix domain socket in this process's control folder (removed even if it is killed). */
    public static UnixDomainSocketAddress privateUnixAddress(String what) {
        return UnixDomainSocketAddress.of(ControlDirectory.get().resolve(what + "-" + SOCKET_FILES.incrementAndGet() + ".sock"));
    }

    /** Connects to {@code address} and authenticates with {@code key}; the end takes messages of up to {@code maxMessageBytes}. */
    public static SocketEnd connect(SocketAddress address, byte[] key, int maxMessageBytes) throws IOException {
        SocketChannel channel = Objects.requireNonNull(address, "address") instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        SocketEnd end;
        try {
            channel.connect(address);
            end = new SocketEnd(channel, maxMessageBytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        authenticate(end, key, false);
        return end;
    }

    /** The bound address, with the port chosen if 0 was asked for. */
    public SocketAddress address() {
        return address;
    }

    /**
     * The next authenticated end, waiting for one.
     *
     * @throws Handshake.Refused if the next peer failed its handshake (the listener goes on)
     * @throws IOException       if the listener is closed
     */
    public SocketEnd accept() throws IOException, InterruptedException {
        Object next = arrivals.take();
        if (next == CLOSED) {
            arrivals.add(CLOSED); // for every other accept waiting
            throw new IOException("the listener is closed");
        }
        if (next instanceof Handshake.Refused refused) {
            throw new Handshake.Refused(refused.getMessage(), refused);
        }
        return (SocketEnd) next;
    }

    private void acceptAll() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException closedOrBroken) {
                break;
            }
            Thread.ofVirtual().name("spindle-handshake").start(() -> greet(channel));
        }
        arrivals.add(CLOSED);
    }

    private void greet(SocketChannel channel) {
        SocketEnd end;
        try {
            end = new SocketEnd(channel, maxMessageBytes);
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        try {
            authenticate(end, key, true);
            arrivals.add(end);
            if (closed) {
                drain();
            }
        } catch (Handshake.Refused refused) {
            arrivals.add(refused);
        } catch (IOException notAfterAListenersHandshake) {
            arrivals.add(new Handshake.Refused("the handshake failed: " + notAfterAListenersHandshake.getMessage(),
                    notAfterAListenersHandshake));
        }
    }

    /**
     * Runs the handshake on {@code end}; closes it and throws if the peer fails it. A listener takes
     * any failure for a refusal (the peer did not prove its key); a client whose connection breaks
     * off meets a broken connection, not a wrong key, and gets it as such.
     */
    private static void authenticate(SocketEnd end, byte[] key, boolean listening) throws IOException {
        long deadline = System.nanoTime() + HANDSHAKE_TIMEOUT.toNanos();
        try {
            if (listening) {
                Handshake.asListener(end, key, deadline);
            } else {
                Handshake.asClient(end, key, deadline);
            }
        } catch (Handshake.Refused refused) {
            end.close();
            throw refused;
        } catch (java.net.SocketTimeoutException | CorruptFrameException | MessageTooLongException e) {
            end.close();
            throw new Handshake.Refused("the handshake failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            end.close();
            if (listening) {
                throw new Handshake.Refused("the handshake failed: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Stops listening; ends not yet accepted are closed, accepted ones live on. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        drain();
        if (socketFile != null) {
            try {
                Files.deleteIfExists(socketFile);
            } catch (IOException e) {
                System.getLogger(SocketListener.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot remove the socket file " + socketFile, e);
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void drain() {
        for (Object next : arrivals.toArray()) {
            if (next instanceof SocketEnd end && arrivals.remove(next)) {
                end.close();
            }
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }
}
