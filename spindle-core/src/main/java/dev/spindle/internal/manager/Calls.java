package dev.spindle.internal.manager;

import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.transport.Transport;
import java.io.Serial;
import java.io.Serializable;
import dev.spindle.internal.codec.Codec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a manager's client asks, one call a message on an authenticated socket (or the shared-memory
 * ring that replaced it, {@link UseRing}), each answered by a
 * {@link Reply} or a {@link Raised}: Java-serialized records, whose values may hold
 * {@link ProxyRef}s (a managed object by reference) where proxies were written.
 */
final class Calls {
    /** The first element of an {@link Invoke} in its wire form. */
    private static final int INVOKE = 1;
    /** The first element of a {@link Reply} in its wire form. */
    private static final int REPLY = 2;

    private Calls() {}

    /**
     * The bytes of a call or an answer. The two that nearly every message is, {@link Invoke} and
     * {@link Reply}, are written as lists of their parts, which the codec's fast path carries
     * without Java serialization when the arguments or the value are plain values (numbers,
     * strings, lists of them): a managed dict's {@code put} then costs a few hundred nanoseconds to
     * write, not several microseconds. The rest are written as the records they are.
     */
    static byte[] encode(Object message) {
        Object form = switch (message) {
            case Invoke invoke -> new ArrayList<>(List.of(INVOKE, invoke.id(), invoke.method(),
                    new ArrayList<>(invoke.parameterTypes()), new ArrayList<>(invoke.args())));
            case Reply reply -> {
                ArrayList<Object> parts = new ArrayList<>(2); // List.of refuses the null a reply may be
                parts.add(REPLY);
                parts.add(reply.value());
                yield parts;
            }
            default -> message;
        };
        return Codec.get().encode(form);
    }

    /** A call or an answer from its bytes ({@link #encode}). */
    @SuppressWarnings("unchecked") // the parts are as encode wrote them; a peer's garbage fails the casts
    static Object decode(byte[] bytes) {
        Object form = Codec.get().decode(bytes);
        if (!(form instanceof ArrayList<?> parts) || parts.isEmpty()) {
            return form;
        }
        return switch ((Integer) parts.getFirst()) {
            case INVOKE -> new Invoke((Long) parts.get(1), (String) parts.get(2), (List<String>) parts.get(3),
                    (List<Object>) parts.get(4));
            case REPLY -> new Reply(parts.get(1));
            default -> throw new IllegalArgumentException("not a manager's message: a list tagged " + parts.getFirst());
        };
    }

    /** One request. */
    sealed interface Call extends Serializable permits Hello, UseRing, Create, Invoke, Retain, Release, Shutdown {}

    /** The first call on a connection: whose it is, so the manager can drop a dead process's references. */
    record Hello(ProcessIdentity process) implements Call {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * From a client on the manager's host, after {@link Hello}: go on over {@code ring}, one end of a
     * shared-memory pipe, instead of the socket; answered with true over the socket, which both
     * sides then close.
     */
    @SuppressWarnings("serial") // a pipe end travels as its own form
    record UseRing(Transport ring) implements Call {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** Makes the object of {@code typeid} from {@code args}; answered with its reference. */
    @SuppressWarnings("serial") // the arguments are values the codec checked
    record Create(String typeid, List<Object> args) implements Call {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** Calls {@code method(parameterTypes)} on object {@code id} with {@code args}. */
    @SuppressWarnings("serial")
    record Invoke(long id, String method, List<String> parameterTypes, List<Object> args) implements Call {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** One more reference to object {@code id} from the caller's process (a proxy made there, or sent from there). */
    record Retain(long id) implements Call {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * One reference fewer to object {@code id} from {@code holder}'s process, or the caller's if
     * null: a proxy dropped, or one that arrived in another process taking over its sender's.
     */
    record Release(long id, ProcessIdentity holder) implements Call {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** Ends the manager. */
    record Shutdown() implements Call {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** A call's result. */
    @SuppressWarnings("serial")
    record Reply(Object value) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** An {@code Optional} result, which is not serializable itself. */
    @SuppressWarnings("serial")
    record Optionally(Object value, boolean present) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** A call that threw, as {@code ExceptionTransport} carries an exception. */
    record Raised(byte[] exception) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }
}
