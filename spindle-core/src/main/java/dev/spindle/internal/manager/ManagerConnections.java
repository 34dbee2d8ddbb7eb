package dev.spindle.internal.manager;

import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.transport.Handshake;
import dev.spindle.internal.transport.SocketEnd;
import dev.spindle.internal.transport.SocketListener;
import dev.spindle.managers.ManagerException;
import dev.spindle.multiprocessing.AuthenticationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's connections to one manager: one per client thread (so a thread's managed
 * {@code RLock} is held by one manager thread), opened at its first call, kept for the next.
 * A connection whose call broke off (an interrupt, a manager that died) is closed and replaced at
 * the next call.
 */
final class ManagerConnections {
    private static final Map<String, ManagerConnections> BY_ADDRESS = new ConcurrentHashMap<>();

    private final String addressText;
    private final byte[] key;
    private final Map<Thread, SocketEnd> byThread = new ConcurrentHashMap<>();

    private ManagerConnections(String addressText, byte[] key) {
        this.addressText = addressText;
        this.key = key;
    }

    /** The connections of this process to the manager at {@code addressText}. */
    static ManagerConnections to(String addressText, byte[] key) {
        return BY_ADDRESS.computeIfAbsent(addressText, a -> new ManagerConnections(a, key.clone()));
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
        byte[] request = Codec.get().encode(call); // before the connection: encoding may make calls of its own
        SocketEnd end = connection();
        byte[] answer;
        try {
            end.send(request);
            answer = end.receive(Integer.MAX_VALUE);
        } catch (InterruptedIOException e) {
            drop(end);
            Thread.currentThread().interrupt();
            throw new InterruptedException("interrupted while waiting for the manager at " + addressText);
        } catch (IOException e) {
            drop(end);
            throw new ManagerException("the manager at " + addressText + " is gone: " + e.getMessage(), e);
        }
        return switch (Codec.get().decode(answer)) {
            case Calls.Reply reply -> reply.value();
            case Calls.Raised raised -> throw ExceptionTransport.decode(raised.exception(), "manager", -1);
            case Object other -> throw new IllegalStateException("not a manager's answer: " + other);
        };
    }

    private SocketEnd connection() {
        Thread self = Thread.currentThread();
        SocketEnd end = byThread.get(self);
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
            end = SocketListener.connect(Addresses.parse(addressText), key, Integer.MAX_VALUE);
            end.send(Codec.get().encode(new Calls.Hello(ProcessIdentity.self())));
            if (!(Codec.get().decode(end.receive(Integer.MAX_VALUE)) instanceof Calls.Reply)) {
                throw new IOException("the manager refused this process");
            }
        } catch (Handshake.Refused refused) {
            throw new AuthenticationException("authentication with the manager at " + addressText + " failed: "
                    + refused.getMessage(), refused);
        } catch (IOException e) {
            throw new ManagerException("cannot reach the manager at " + addressText + ": " + e.getMessage(), e);
        }
        byThread.put(self, end);
        return end;
    }

    private void drop(SocketEnd end) {
        byThread.remove(Thread.currentThread(), end);
        end.close();
    }
}
