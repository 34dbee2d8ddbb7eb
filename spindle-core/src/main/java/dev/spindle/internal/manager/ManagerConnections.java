package dev.spindle.internal.manager;

import dev.spindle.SharedMemoryFullException;
import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.pipe.PipeEnd;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.transport.Handshake;
import dev.spindle.internal.transport.SocketEnd;
import dev.spindle.internal.transport.SocketListener;
import dev.spindle.internal.transport.Transport;
import dev.spindle.managers.ManagerException;
import dev.spindle.multiprocessing.AuthenticationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's connections to one manager: one per client thread (so a thread's managed
 * {@code RLock} is held by one manager thread), opened at its first call, kept for the next.
 * A connection whose call broke off (an interrupt, a manager that died) is closed and replaced at
 * the next call.
 */
final class ManagerConnections {
    /** Bytes each way of a ring to a manager on this host: calls are small, and a longer one streams through. */
    private static final int RING_BYTES = 64 * 1024;
    private static final Map<String, ManagerConnections> BY_ADDRESS_AND_KEY = new ConcurrentHashMap<>();

    private final String addressText;
    private final byte[] key;
    private final Map<Thread, Transport> byThread = new ConcurrentHashMap<>();

    private ManagerConnections(String addressText, byte[] key) {
        this.addressText = addressText;
        this.key = key;
    }

    /**
     * The connections of this process to the manager at {@code addressText} with {@code key}: by
     * both, so that a wrong key tried first does not stay in the way of the right one.
     */
    static ManagerConnections to(String addressText, byte[] key) {
        return BY_ADDRESS_AND_KEY.computeIfAbsent(addressText + " " + HexFormat.of().formatHex(key),
                a -> new ManagerConnections(addressText, key.clone()));
    }

    String addressText() {
        return addressText;
    }

    byte[] key() {
        return key.clone();
    }

    /**
     * Makes {@code call} on this thread's connection and returns its result.
     *
     * @throws ManagerException if the manager cannot be reached, or the connection broke
     * @throws Throwable        what the call threw in the manager, as itself
     */
    Object call(Calls.Call call) throws Throwable {
        byte[] request = Calls.encode(call); // before the connection: encoding may make calls of its own
        Transport end = connection();
        byte[] answer;
        try {
            end.send(request);
            answer = end.receive(Integer.MAX_VALUE);
        } catch (InterruptedIOException e) {
            drop(end);
            Thread.currentThread().interrupt();
            throw new InterruptedException("interrupted while waiting for the manager at " + addressText);
        } catch (IOException e) {
            closeAll(); // the others' connections lead nowhere either; their next calls try afresh
            throw new ManagerException("the manager at " + addressText + " is gone: " + e.getMessage(), e);
        }
        return switch (Calls.decode(answer)) {
            case Calls.Reply reply -> reply.value();
            case Calls.Raised raised -> throw ExceptionTransport.decode(raised.exception(), "manager", -1);
            case Object other -> throw new IllegalStateException("not a manager's answer: " + other);
        };
    }

    private Transport connection() {
        Thread self = Thread.currentThread();
        Transport end = byThread.get(self);
        if (end != null && !end.isClosed()) {
            return end;
        }
        byThread.entrySet().removeIf(e -> { // the connections of ended threads go
            if (e.getKey().isAlive()) {
                return false;
            }
            e.getValue().close();
            return true;
        });
        try {
            end = opened(Addresses.parse(addressText));
        } catch (Handshake.Refused refused) {
            throw new AuthenticationException("authentication with the manager at " + addressText + " failed: "
                    + refused.getMessage(), refused);
        } catch (IOException e) {
            throw new ManagerException("cannot reach the manager at " + addressText + ": " + e.getMessage(), e);
        }
        byThread.put(self, end);
        return end;
    }

    /**
     * A new connection, authenticated and introduced: over the socket to a remote manager; to one
     * on this host (a Unix domain socket), over a shared-memory ring handed to it through the
     * socket, whose round trip takes a microsecond where a socket's takes tens — unless
     * {@code /dev/shm} is full or the manager cannot map it, which leaves the socket.
     */
    private Transport opened(SocketAddress address) throws IOException {
        SocketEnd socket = SocketListener.connect(address, key, Integer.MAX_VALUE);
        try {
            if (!(ask(socket, new Calls.Hello(ProcessIdentity.self())) instanceof Calls.Reply)) {
                throw new IOException("the manager refused this process");
            }
            if (!(address instanceof UnixDomainSocketAddress)) {
                return socket;
            }
            PipeEnd[] ring;
            try {
                ring = PipeEnd.create(true, RING_BYTES, Integer.MAX_VALUE);
            } catch (SharedMemoryFullException full) {
                return socket;
            }
            try (PipeEnd theirs = ring[1]) { // once sent, the manager's hold on it is the one that counts
                if (!(ask(socket, new Calls.UseRing(theirs)) instanceof Calls.Reply reply && Boolean.TRUE.equals(reply.value()))) {
                    ring[0].close();
                    return socket;
                }
            }
            socket.close();
            return ring[0];
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** One call on a connection being opened: its answer, a {@link Calls.Reply} or a {@link Calls.Raised}. */
    private static Object ask(Transport end, Calls.Call call) throws IOException {
        end.send(Calls.encode(call));
        return Calls.decode(end.receive(Integer.MAX_VALUE));
    }

    /** Closes every thread's connection (the manager was shut down, or is gone); a later call opens a new one. */
    void closeAll() {
        byThread.values().removeIf(end -> {
            end.close();
            return true;
        });
    }

    private void drop(Transport end) {
        byThread.remove(Thread.currentThread(), end);
        end.close();
    }
}
