package dev.spindle.asyncio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.Consumer;

/**
 * The sockets a loop watches, and the wait for them to be ready: CPython's selector in
 * {@code _run_once}. The loop polls it at the start of every round — without waiting while
 * callbacks are ready, else until the first timer falls due — so a socket is read on the loop's
 * own turn, many per poll, and a writer thread whose socket was full hears when it takes more
 * ({@link SocketTransport}). Opened with the first socket.
 */
final class IoSelector {
    /** The most one read takes from a socket. */
    private static final int CHUNK = StreamReader.DEFAULT_LIMIT;

    private Selector selector;
    private ByteBuffer receiveBuffer;

    /** Watches {@code channel} (non-blocking) for {@code ops}; the key's attachment is {@code transport}. */
    SelectionKey register(SelectableChannel channel, int ops, SocketTransport transport) throws IOException {
        if (selector == null) {
            selector = Selector.open();
        }
        return channel.register(selector, ops, transport);
    }

    /**
     * Whether any socket is registered, closed ones included: a closed socket's descriptor is
     * released by the next poll (the JDK defers it while the socket is registered), so the loop
     * polls until none is left.
     */
    boolean watches() {
        return selector != null && !selector.keys().isEmpty();
    }

    /**
     * The buffer a socket's read goes into, shared by the loop's sockets: they read one at a time,
     * on the loop's turn, and each copies its bytes out before the next. Direct, so a read needs no
     * temporary buffer of its own.
     */
    ByteBuffer receiveBuffer() {
        if (receiveBuffer == null) {
            receiveBuffer = ByteBuffer.allocateDirect(CHUNK);
        }
        return receiveBuffer;
    }

    /**
     * Gives {@code ready} a callback for each socket ready to read or write (its transport's
     * {@link SocketTransport#ready}), waiting at most {@code nanos} for one: 0 does not wait, a
     * negative value waits until a socket is ready or {@link #wakeup()}.
     */
    void poll(long nanos, Consumer<Runnable> ready) {
        Consumer<SelectionKey> toCallback = key -> {
            SocketTransport transport = (SocketTransport) key.attachment();
            int ops;
            try {
                ops = key.readyOps();
            } catch (CancelledKeyException closedMeanwhile) {
                return; // a writer thread closed the socket during the poll: it tells the loop itself
            }
            ready.accept(() -> transport.ready(ops));
        };
        try {
            if (nanos == 0) {
                selector.selectNow(toCallback);
            } else if (nanos < 0) {
                selector.select(toCallback, 0); // 0: no timeout
            } else {
                selector.select(toCallback, Math.max(1, (nanos + 999_999) / 1_000_000)); // rounded up, as CPython's epoll
            }
        } catch (IOException e) {
            throw new UncheckedIOException("polling the loop's sockets failed", e);
        }
    }

    /** Ends a poll in progress at once (another thread queued a callback), or the next one. */
    void wakeup() {
        selector.wakeup();
    }

    void close() {
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                // its channels are closed already: nothing more to release
            }
        }
    }
}
