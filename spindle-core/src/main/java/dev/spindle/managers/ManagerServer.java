package dev.spindle.managers;

import dev.spindle.internal.manager.ManagerService;
import dev.spindle.internal.manager.Typeid;
import dev.spindle.internal.transport.AuthKeys;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A manager served by this program to others (Python's {@code BaseManager(address, authkey)} with
 * {@code register} and {@code get_server().serve_forever()}): they reach it with
 * {@link Manager#connect}, by address and authkey, from this host or another.
 *
 * <pre>{@code
 * Queue<String> jobs = Context.threads().queue();
 * try (ManagerServer server = ManagerServer.builder()
 *         .register("jobs", Queue.class, () -> jobs)
 *         .start(new InetSocketAddress("127.0.0.1", 50000), "abracadabra".getBytes())) {
 *     server.serveForever();
 * }
 * // elsewhere:
 * Queue<String> jobs = Manager.connect(address, "abracadabra".getBytes()).get("jobs", Queue.class);
 * }</pre>
 *
 * <p>Besides the registered typeids it makes everything a {@link Manager} makes ({@code dict},
 * {@code list}, locks, queues, …). Only the methods of a typeid's interface can be called through
 * its proxies.
 */
public final class ManagerServer implements AutoCloseable {
    private final ManagerService service;

    private ManagerServer(ManagerService service) {
        this.service = service;
    }

    /** A builder of a server with no typeids of its own yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where it listens (the port chosen, if 0 was asked for). */
    public SocketAddress address() {
        return service.address();
    }

    /** Serves until {@link #close()} or a client's {@code shutdown()} (Python's {@code serve_forever}). */
    public void serveForever() throws InterruptedException {
        service.awaitStop();
    }

    /** Stops serving: every client's next call fails with {@link ManagerException}. Idempotent. */
    @Override
    public void close() {
        service.close();
    }

    /** Registers typeids, then starts the server. */
    public static final class Builder {
        private final Map<String, Typeid> typeids = new HashMap<>();

        private Builder() {}

        /**
         * Serves what {@code factory} makes as {@code typeid}, through proxies of {@code type} (an
         * interface): each {@code get(typeid, type)} of a client calls it once (return one shared
         * object for Python's usual {@code lambda: queue}).
         */
        public <T> Builder register(String typeid, Class<T> type, Supplier<? extends T> factory) {
            Objects.requireNonNull(factory, "factory");
            typeids.put(Objects.requireNonNull(typeid, "typeid"), new Typeid(List.of(type), args -> type.cast(factory.get())));
            return this;
        }

        /** Starts serving at {@code address} with this process's authkey. */
        public ManagerServer start(SocketAddress address) throws IOException {
            return start(address, AuthKeys.current());
        }

        /**
         * Starts serving at {@code address}, a TCP ({@link java.net.InetSocketAddress}, port 0 for
         * any) or Unix domain socket address, with {@code authkey}.
         *
         * @throws IllegalArgumentException if the key is empty
         */
        public ManagerServer start(SocketAddress address, byte[] authkey) throws IOException {
            return new ManagerServer(ManagerService.start(address, AuthKeys.checked(authkey), typeids));
        }
    }
}
