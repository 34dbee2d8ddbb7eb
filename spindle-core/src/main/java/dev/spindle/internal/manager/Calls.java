package dev.spindle.internal.manager;

import dev.spindle.internal.track.ProcessIdentity;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * What a manager's client asks, one call a message on an authenticated socket, each answered by a
 * {@link Reply} or a {@link Raised}: Java-serialized records, whose values may hold
 * {@link ProxyRef}s (a managed object by reference) where proxies were written.
 */
final class Calls {
    private Calls() {}

    /** One request. */
    sealed interface Call extends Serializable permits Hello, Create, Invoke, Retain, Release, Shutdown {}

    /** The first call on a connection: whose it is, so the manager can drop a dead process's references. */
    record Hello(ProcessIdentity process) implements Call {
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
