package dev.spindle.asyncio;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A connected socket between a loop and the network (CPython's transport and protocol); the
 * socket is non-blocking, so no task ever blocks on it.
 *
 * <p><b>Reading happens on the loop's turn</b>, as in CPython: the loop polls its sockets at the
 * start of each round ({@link IoSelector}) and calls {@link #ready}, which reads what came and feeds
 * the {@link StreamReader} — many sockets per poll, no thread between the socket and the task.
 * Reading pauses while more than {@link #READ_AHEAD} bytes wait in the reader unread.
 *
 * <p><b>Writing happens on a writer thread</b> ({@link SocketSender}) that sends what
 * {@link StreamWriter#write} queued; when the socket takes no more it asks the loop's poll to tell
 * it once the socket is writable. Unlike CPython, the send is off the loop: on a loopback socket it carries the
 * receiving side's work too, and the loop goes on with other tasks meanwhile. Measured on the echo
 * figure (100 clients, one loop, two cores): a thread per socket for both directions 45–50k round
 * trips/s; everything on the loop's turn 28k (each task switch then moves between the two
 * carriers, the other one idle); reads on the loop's turn and sends on writer threads 70–76k.
 */
final class SocketTransport {
    /** How many received bytes may wait in the reader before reading pauses. */
    static final int READ_AHEAD = 4 * StreamReader.DEFAULT_LIMIT;

    private final EventLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    final StreamReader reader;
    final StreamWriter writer;

    // The read side: touched on the loop's turn only.
    /** Bytes fed to the reader that it has not handed out yet. */
    private long unread;
    private boolean readPaused;
    private boolean readEnded;

    final SocketSender sender;

    /** In the loop: takes over {@code channel} (made non-blocking), starts reading it and its writer thread. */
    SocketTransport(EventLoop loop, SocketChannel channel) throws IOException {
        this.loop = loop;
        this.channel = channel;
        channel.configureBlocking(false);
        noDelay(channel);
        this.reader = new StreamReader(StreamReader.DEFAULT_LIMIT, this::consumed, this::readOn);
        this.writer = new StreamWriter(loop, this);
        this.key = loop.track(this, channel, SelectionKey.OP_READ);
        this.sender = new SocketSender(loop, this, channel, key);
        Thread.ofVirtual().name("asyncio writer " + peer()).start(sender::run);
    }

    /**
     * Sends small writes at once, as CPython's transports do for TCP ({@code TCP_NODELAY}): a
     * request and its reply are often one short write each, which Nagle's algorithm would hold
     * back while an earlier segment waits for its (delayed) acknowledgement.
     */
    private static void noDelay(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | UnsupportedOperationException notTcp) {
            // not a TCP socket (a Unix domain one), or closed already: nothing to set
        }
    }

    NetworkChannel socket() {
        return channel;
    }

    SocketAddress peer() {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    SocketAddress local() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** In the loop: the socket is ready for {@code ops} ({@link SelectionKey}'s bits). */
    void ready(int ops) {
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            sender.writable();
        }
        if ((ops & SelectionKey.OP_READ) != 0 && !readEnded && !readPaused) {
            receive();
        }
    }

    private void receive() {
        ByteBuffer chunk = loop.receiveBuffer().clear();
        try {
            int n = channel.read(chunk);
            if (n < 0) {
                endReading();
                reader.feedEof();
            } else if (n > 0) {
                unread += n;
                byte[] data = new byte[n];
                chunk.flip().get(data);
                reader.feedData(data);
                if (unread > READ_AHEAD) {
                    readPaused = true;
                    key.interestOpsAnd(~SelectionKey.OP_READ);
                }
            }
        } catch (IOException | CancelledKeyException e) {
            endReading();
            if (channel.isOpen() && e instanceof IOException failure) {
                reader.setException(failure);
            } else {
                reader.feedEof(); // closed by this side (the writer thread, after a close)
            }
        }
    }

    /** In the loop: the reader handed out {@code n} bytes; reading goes on once few enough wait. */
    private void consumed(int n) {
        unread -= n;
        if (unread <= READ_AHEAD) {
            readOn();
        }
    }

    /** In the loop: reading goes on if it paused (a read waits, or few enough bytes wait). */
    private void readOn() {
        if (readPaused && !readEnded) {
            readPaused = false;
            try {
                key.interestOpsOr(SelectionKey.OP_READ);
            } catch (CancelledKeyException closed) {
                endReading();
                reader.feedEof();
            }
        }
    }

    private void endReading() {
        readEnded = true;
        try {
            key.interestOpsAnd(~SelectionKey.OP_READ);
        } catch (CancelledKeyException closed) {
            // the socket is closed: nothing to stop
        }
    }

    /** Sends what is queued, then closes the socket. */
    void close() {
        sender.close();
    }

    /** Closes the socket now, unsent bytes and all: the loop is gone. */
    void abort() {
        sender.abort();
    }

    /** In the loop, once the writer thread closed the socket: the reader sees the end, the writer's waiters wake. */
    void closedByThisSide() {
        if (!readEnded) {
            readEnded = true;
            reader.feedEof();
        }
        writer.closed();
    }

    /**
     * Python's {@code open_connection}: connects off the loop (the calling task waits), then wires
     * the streams. A refused connect is thrown again from the calling task as a
     * {@link ConnectException} naming the address (CPython's "Connect call failed ('127.0.0.1',
     * 8888)"), so its trace shows the caller; the connecting thread's exception is its cause.
     */
    static Connection connect(EventLoop loop, String host, int port) throws Exception {
        SocketChannel channel;
        try {
            channel = Asyncio.toThread(() -> SocketChannel.open(new InetSocketAddress(host, port))).await();
        } catch (ConnectException e) {
            ConnectException named = new ConnectException("Connect call failed ('" + host + "', " + port + "): " + e.getMessage());
            named.initCause(e);
            throw named;
        }
        SocketTransport transport = new SocketTransport(loop, channel);
        return new Connection(transport.reader, transport.writer);
    }
}
