package dev.spindle.multiprocessing;

import dev.spindle.ReadLimits;
import dev.spindle.internal.transport.AuthKeys;
import dev.spindle.internal.transport.Handshake;
import dev.spindle.internal.transport.SocketListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.time.Duration;

/**
 * Accepts {@link Client} connections on a TCP or Unix domain socket (Python's
 * {@code multiprocessing.connection.Listener}); each accepted {@link Connection} is the same as a
 * pipe's.
 *
 * <pre>{@code
 * try (Listener listener = Listener.open(new InetSocketAddress("localhost", 6000), "secret".getBytes());
 *      Connection c = listener.accept()) {
 *     System.out.println((Object) c.recv());
 * }
 * }</pre>
 *
 * <p>Every connection authenticates before it is accepted (see {@link Client}): a background
 * thread accepts sockets and runs each handshake in a virtual thread of its own, with a deadline of
 * {@link #HANDSHAKE_TIMEOUT}, reading at most 256 bytes a frame until the peer has proved its key —
 * so a peer that sends garbage, a huge length, or nothing at all is refused without holding up the
 * others. {@link #accept()} hands out authenticated connections in the order they finished their
 * handshake, and throws {@link AuthenticationException} for a peer that failed it (the listener
 * goes on). A listener on a Unix domain socket removes its file when closed; one made with
 * {@link #unix()} lives in this process's private control folder, removed even when the process
 * is killed.
 */
public final class Listener implements AutoCloseable {
    /** How long a new connection has to finish its handshake. */
    public static final Duration HANDSHAKE_TIMEOUT = SocketListener.HANDSHAKE_TIMEOUT;

    private final SocketListener listening;

    private Listener(SocketListener listening) {
        this.listening = listening;
    }

    /** A listener on {@code address} with this process's authkey. */
    public static Listener open(SocketAddress address) throws IOException {
        return open(address, AuthKeys.current());
    }

    /**
     * A listener on {@code address}: an {@link InetSocketAddress} (port 0 picks a free one; see
     * {@link #address()}) or a {@link UnixDomainSocketAddress} (a path, which must not exist).
     *
     * @throws IllegalArgumentException if the key is empty
     * @throws IOException              if the address cannot be bound
     */
    public static Listener open(SocketAddress address, byte[] authkey) throws IOException {
        return new Listener(SocketListener.open(address, AuthKeys.checked(authkey), ReadLimits.defaults().maxBytes()));
    }

    /** A TCP listener on this machine's loopback address and {@code port} (0: a free one), with this process's authkey. */
    public static Listener tcp(int port) throws IOException {
        return open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** A Unix domain socket listener at a new path in this process's control folder, with this process's authkey. */
    public static Listener unix() throws IOException {
        return open(SocketListener.privateUnixAddress("listener"));
    }

    /** Where clients connect: the bound address, with the port chosen if 0 was asked for. */
    public SocketAddress address() {
        return listening.address();
    }

    /**
     * The next authenticated connection, waiting for one.
     *
     * @throws AuthenticationException if the next peer failed its handshake (the listener goes on)
     * @throws IOException             if the listener is closed
     */
    public Connection accept() throws IOException, InterruptedException {
        try {
            return new Connection(listening.accept());
        } catch (Handshake.Refused refused) {
            throw refusedAs(refused);
        }
    }

    /** The public face of a handshake that failed. */
    static AuthenticationException refusedAs(Handshake.Refused refused) {
        return new AuthenticationException("authentication failed: " + refused.getMessage(), refused);
    }

    /** Stops listening; connections not yet accepted are closed, accepted ones live on. Idempotent. */
    @Override
    public void close() {
        listening.close();
    }

    @Override
    public String toString() {
        return "Listener[" + address() + (listening.isClosed() ? ", closed" : "") + "]";
    }
}
