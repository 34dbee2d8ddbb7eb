package dev.spindle.multiprocessing;

import dev.spindle.ReadLimits;
import dev.spindle.internal.transport.AuthKeys;
import dev.spindle.internal.transport.Handshake;
import dev.spindle.internal.transport.SocketListener;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * Connects to a {@link Listener} (Python's {@code multiprocessing.connection.Client}): the
 * {@link Connection} returned is the same as a pipe's — {@code send}, {@code recv},
 * {@code sendBytes}, {@code recvBytes}, {@code poll}, EOF — over TCP or a Unix domain socket.
 *
 * <pre>{@code
 * try (Connection c = Client.connect(new InetSocketAddress("localhost", 6000), "secret".getBytes())) {
 *     c.send(List.of(1, 2.5, "three"));
 * }
 * }</pre>
 *
 * <p>Both sides prove they hold the same authkey before anything else is sent (HMAC-SHA256 over a
 * random challenge, both ways, compared in constant time). Without a key, this process's own is
 * used ({@link dev.spindle.Spindle#authkey()}), which its children inherit, so a child reaches its
 * parent's listener with no key in sight. A socket connection stays in the process that opened it:
 * it cannot be sent to another (let that one connect itself).
 */
public final class Client {
    private Client() {}

    /** Connects to {@code address} with this process's authkey. */
    public static Connection connect(SocketAddress address) throws IOException {
        return connect(address, AuthKeys.current());
    }

    /**
     * Connects to {@code address} (an {@link java.net.InetSocketAddress} or a
     * {@link UnixDomainSocketAddress}) and authenticates with {@code authkey}.
     *
     * @throws AuthenticationException if the listener has another key, or does not answer the
     *                                 handshake within {@link Listener#HANDSHAKE_TIMEOUT}
     * @throws IllegalArgumentException if the key is empty
     * @throws IOException             if nothing listens there
     */
    public static Connection connect(SocketAddress address, byte[] authkey) throws IOException {
        try {
            return new Connection(SocketListener.connect(address, AuthKeys.checked(authkey), ReadLimits.defaults().maxBytes()));
        } catch (Handshake.Refused refused) {
            throw Listener.refusedAs(refused);
        }
    }
}
