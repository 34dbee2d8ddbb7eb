package dev.spindle.internal.manager;

import dev.spindle.internal.pipe.PipeEnd;
import dev.spindle.internal.track.BackgroundThreads;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.transport.AuthKeys;
import dev.spindle.internal.transport.Handshake;
import dev.spindle.internal.transport.SocketEnd;
import dev.spindle.internal.transport.SocketListener;
import dev.spindle.internal.transport.Transport;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A manager's server: it listens (authenticated sockets), serves each connection in a
 * {@link Session} of its own thread, and keeps the objects ({@link ManagedObjects}). Every second it
 * drops the references of client processes that have died. A proxy that arrives in the manager's own
 * process (an argument of a call) stands for the object itself ({@link #serving}).
 */
public final class ManagerService implements Closeable {
    private static final Map<String, ManagerService> SERVING = new ConcurrentHashMap<>();

    private final SocketListener listener;
    private final String addressText;
    private final byte[] key;
    private final Map<String, Typeid> typeids = new HashMap<>(BuiltinTypes.all());
    private final ManagedObjects objects = new ManagedObjects();
    private final OwnerDeaths ownerDeaths = new OwnerDeaths();
    private final ExposedMethods exposedMethods = new ExposedMethods();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.Set<Transport> connections = ConcurrentHashMap.newKeySet();

    private ManagerService(SocketListener listener, byte[] key, Map<String, Typeid> registered) {
        this.listener = listener;
        this.key = key;
        this.addressText = Addresses.format(listener.address());
        this.typeids.putAll(registered);
        SERVING.put(addressText, this);
        Thread.ofVirtual().name("spindle-manager-" + addressText).start(this::acceptAll);
        BackgroundThreads.named("spindle-manager-sweep").start(this::sweepDeadClients);
    }

    /** Starts serving at {@code address} with {@code key}, making the built-in objects and {@code registered} ones. */
    public static ManagerService start(SocketAddress address, byte[] key, Map<String, Typeid> registered) throws IOException {
        return new ManagerService(SocketListener.open(address, key, Integer.MAX_VALUE), key, registered);
    }

    /**
     * The entry of a manager's child JVM: serves on a Unix domain socket of its own, tells the
     * parent where through {@code toParent}, and returns once shut down.
     */
    public static void runInChild(PipeEnd toParent) throws Exception {
        try (ManagerService service = start(SocketListener.privateUnixAddress("manager"), AuthKeys.current(), Map.of())) {
            toParent.send(service.addressText.getBytes(StandardCharsets.UTF_8));
            toParent.close();
            service.awaitStop();
        }
    }

    /** The service of this process serving at {@code addressText}, if any. */
    static ManagerService serving(String addressText) {
        return SERVING.get(addressText);
    }

    public SocketAddress address() {
        return listener.address();
    }

    String addressText() {
        return addressText;
    }

    byte[] key() {
        return key.clone();
    }

    ManagedObjects objects() {
        return objects;
    }

    ExposedMethods exposedMethods() {
        return exposedMethods;
    }

    OwnerDeaths ownerDeaths() {
        return ownerDeaths;
    }

    Typeid typeid(String name) {
        Typeid typeid = typeids.get(name);
        if (typeid == null) {
            throw new IllegalArgumentException("the manager has no typeid '" + name + "' registered");
        }
        return typeid;
    }

    /** Waits until the manager is shut down. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            SocketEnd end;
            try {
                end = listener.accept();
            } catch (Handshake.Refused refused) {
                continue; // a peer with another key, or none: nothing served, the manager goes on
            } catch (IOException | InterruptedException closed) {
                return;
            }
            connections.add(end);
            // a thread of its own, not a virtual one: a session mostly waits on a ring's futex
            BackgroundThreads.named("spindle-manager-session").start(new Session(this, end));
        }
    }

    /** A session goes on over {@code ring} in place of {@code socket}, which closes; returns the ring. */
    Transport replaceConnection(Transport socket, Transport ring) {
        connections.add(ring);
        connections.remove(socket);
        socket.close();
        if (listener.isClosed()) { // closed meanwhile, after close() closed the connections it saw
            ring.close();
        }
        return ring;
    }

    /** A connection ended: if its process has died, what it held goes. */
    void sessionEnded(Transport end, ProcessIdentity client) {
        connections.remove(end);
        if (client != null && !client.isAlive()) {
            objects.forget(client);
        }
    }

    private void sweepDeadClients() {
        try {
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                for (ProcessIdentity holder : objects.holders()) {
                    if (!holder.isAlive()) {
                        objects.forget(holder);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops serving: the listener and every connection close, so every client's call fails at once. Idempotent. */
    @Override
    public void close() {
        SERVING.remove(addressText, this);
        listener.close();
        connections.forEach(Transport::close);
        stopped.countDown();
    }
}
