package dev.spindle.asyncio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Python's {@code asyncio.StreamWriter}: {@link #write} queues bytes at once (it never waits);
 * {@link #drain()} is the await that waits while more than {@link #HIGH_WATER} bytes are queued
 * (flow control), and reports a failed connection.
 */
public final class StreamWriter {
    /** Python's default high-water mark of a transport's write buffer: 64 KiB. */
    public static final long HIGH_WATER = 64 * 1024;
    private static final long LOW_WATER = HIGH_WATER / 4;

    private final SocketTransport transport;
    private final Future<Void> closed;
    /** Read by the writer thread too: it tells the loop about sent bytes only while a drain waits. */
    private volatile Future<Void> drained;
    private boolean closing;

    StreamWriter(EventLoop loop, SocketTransport transport) {
        this.transport = transport;
        this.closed = loop.createFuture();
    }

    /**
     * Queues {@code data} to be sent.
     *
     * @throws IOException if the connection failed or the writer is closing
     */
    public void write(byte[] data) throws IOException {
        transport.sender.enqueue(data.clone());
    }

    /** {@link #write} of a string's UTF-8 bytes. */
    public void write(String text) throws IOException {
        transport.sender.enqueue(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Python's {@code await writer.drain()}: returns once the queue is below the high-water mark.
     *
     * @throws IOException if sending failed (the peer reset the connection)
     */
    public void drain() throws IOException {
        if (transport.sender.sendFailure() != null) {
            throw transport.sender.sendFailure();
        }
        while (transport.sender.queued() > HIGH_WATER && !closed.done()) {
            StreamWindows.drainBeforeWait.run();
            Future<Void> wait = closed.getLoop().createFuture();
            drained = wait;
            // The writer thread tells of a chunk sent only once it sees this drain wait: it may have
            // sent the rest between the look above and now, seen nobody waiting, and sent its last.
            if (transport.sender.queued() <= LOW_WATER) {
                wait.setResult(null);
            }
            try {
                Asyncio.awaitQuietly(wait);
            } finally {
                drained = null;
            }
        }
        if (transport.sender.sendFailure() != null) {
            throw transport.sender.sendFailure();
        }
    }

    /** Closes this side for writing once the queue is sent (the peer reads EOF): Python's {@code write_eof()}. */
    public void writeEof() {
        transport.sender.writeEof();
    }

    /** Sends what is queued, then closes the connection. */
    public void close() {
        closing = true;
        transport.close();
    }

    public boolean isClosing() {
        return closing;
    }

    /** Python's {@code await writer.wait_closed()}: waits until the socket is closed. */
    public void waitClosed() {
        if (!closed.done()) {
            Asyncio.awaitQuietly(closed);
        }
    }

    /**
     * Python's {@code get_extra_info(name)}: {@code "peername"} and {@code "sockname"} (socket
     * addresses), and {@code "socket"}, the connection's socket as a
     * {@link java.nio.channels.NetworkChannel}, for its options (CPython's transport socket);
     * reading, writing or closing it directly goes around the stream. Null for other names.
     */
    public Object getExtraInfo(String name) {
        return switch (name) {
            case "peername" -> transport.peer();
            case "sockname" -> transport.local();
            case "socket" -> transport.socket();
            default -> null;
        };
    }

    boolean drainWaits() {
        return drained != null;
    }

    /** In the loop, after the writer thread sent a chunk while a drain waited. */
    void sent() {
        if (drained != null && !drained.done() && transport.sender.queued() <= LOW_WATER) {
            drained.setResult(null);
        }
    }

    /** In the loop, once the socket is closed. */
    void closed() {
        if (!closed.done()) {
            closed.setResult(null);
        }
        if (drained != null && !drained.done()) {
            drained.setResult(null);
        }
    }
}
