package dev.spindle.socketserver;

import dev.spindle.internal.nativeio.SocketCalls;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A listener held by its descriptor, for connections served in child JVMs: an accepted
 * connection is a descriptor the child receives. An {@code eventfd} beside it ends a wait.
 */
final class DescriptorListener implements Listener<Integer> {
    private final int listening;
    private final int wakeUp;
    private final InetSocketAddress address;

    DescriptorListener(InetSocketAddress address, int backlog) throws IOException {
        listening = SocketCalls.listenTcp(address, backlog);
        try {
            wakeUp = SocketCalls.eventFd();
            this.address = SocketCalls.localAddress(listening);
        } catch (IOException | RuntimeException e) {
            SocketCalls.close(listening);
            throw e;
        }
    }

    @Override
    public Integer accept() throws IOException {
        if (SocketCalls.pollReadable(new int[] {wakeUp, listening}, -1) == 0) {
            SocketCalls.drainEventFd(wakeUp);
            return null;
        }
        return SocketCalls.accept(listening);
    }

    @Override
    public void wake() throws IOException {
        SocketCalls.signalEventFd(wakeUp);
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void discard(Integer connection) {
        SocketCalls.close(connection);
    }

    @Override
    public void close() {
        SocketCalls.close(listening);
        SocketCalls.close(wakeUp);
    }
}
