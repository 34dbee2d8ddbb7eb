package dev.spindle.asyncio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connected socket between a loop and the network (CPython's transport and protocol): a reader
 * thread feeds received bytes to the {@link StreamReader} through the loop, pausing while more than
 * {@link #READ_AHEAD} bytes wait to be read; a writer thread sends what {@link StreamWriter#write}
 * queued. Both are virtual threads, outside the loop, so the loop's tasks never block on the socket.
 */
final class SocketTransport {
    /** How many received bytes may wait in the reader before the reader thread pauses. */
    static final int READ_AHEAD = 4 * StreamReader.DEFAULT_LIMIT;
    private static final int CHUNK = StreamReader.DEFAULT_LIMIT;

    private final EventLoop loop;
    private final SocketChannel channel;
    private final Semaphore readCredit = new Semaphore(READ_AHEAD);
    final StreamReader reader;
    final StreamWriter writer;

    private final ReentrantLock sendLock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition sendable = sendLock.newCondition();
    private final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();
    private long queuedBytes;
    private boolean closing;
    private boolean eofAfterSend;
    private IOException sendFailure;

    SocketTransport(EventLoop loop, SocketChannel channel) {
        this.loop = loop;
        this.channel = channel;
        noDelay(channel);
        this.reader = new StreamReader(StreamReader.DEFAULT_LIMIT, readCredit::release);
        this.writer = new StreamWriter(loop, this);
        loop.track(this);
        Thread.ofVirtual().name("asyncio reader " + peer()).start(this::receive);
        Thread.ofVirtual().name("asyncio writer " + peer()).start(this::send);
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

    private void receive() {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        try {
            while (true) {
                readCredit.acquire(CHUNK);
                int n = channel.read(chunk.clear());
                if (n < 0) {
                    post(reader::feedEof);
                    return;
                }
                readCredit.release(CHUNK - n);
                byte[] data = java.util.Arrays.copyOf(chunk.array(), n);
                if (!post(() -> reader.feedData(data))) {
                    return;
                }
            }
        } catch (IOException e) {
            post(channel.isOpen() ? () -> reader.setException(e) : reader::feedEof); // not open: closed by this side
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands {@code callback} to the loop; false once the loop is closed: then nobody reads or waits
     * any more, and the callback is dropped.
     */
    private boolean post(Runnable callback) {
        try {
            loop.callSoonThreadsafe(callback);
            return true;
        } catch (IllegalStateException loopClosed) {
            return false;
        }
    }

    /** Queues bytes for the writer thread; how many are queued now. */
    long enqueue(byte[] data) throws IOException {
        sendLock.lock();
        try {
            if (sendFailure != null) {
                throw sendFailure;
            }
            if (closing || eofAfterSend) {
                throw new IOException("the writer is closing");
            }
            outgoing.add(ByteBuffer.wrap(data));
            queuedBytes += data.length;
            sendable.signal();
            return queuedBytes;
        } finally {
            sendLock.unlock();
        }
    }

    long queued() {
        sendLock.lock();
        try {
            return queuedBytes;
        } finally {
            sendLock.unlock();
        }
    }

    IOException sendFailure() {
        sendLock.lock();
        try {
            return sendFailure;
        } finally {
            sendLock.unlock();
        }
    }

    void writeEof() {
        sendLock.lock();
        try {
            eofAfterSend = true;
            sendable.signal();
        } finally {
            sendLock.unlock();
        }
    }

    /** Sends what is queued, then closes the socket. */
    void close() {
        sendLock.lock();
        try {
            closing = true;
            sendable.signal();
        } finally {
            sendLock.unlock();
        }
    }

    /** Closes the socket now, unsent bytes and all: the loop is gone (its threads end). */
    void abort() {
        close();
        closeChannel();
        readCredit.release(READ_AHEAD); // a reader thread paused for credit wakes to find the socket closed
    }

    private void send() {
        boolean eofSent = false;
        try {
            while (true) {
                ByteBuffer next;
                sendLock.lock();
                try {
                    while (outgoing.isEmpty() && !closing && (!eofAfterSend || eofSent)) {
                        sendable.await();
                    }
                    next = outgoing.peek();
                    if (next == null) {
                        if (closing) {
                            break;
                        }
                        channel.shutdownOutput();
                        eofSent = true;
                        continue;
                    }
                } finally {
                    sendLock.unlock();
                }
                int sent = 0;
                while (next.hasRemaining()) {
                    sent += channel.write(next);
                }
                sendLock.lock();
                try {
                    outgoing.poll();
                    queuedBytes -= sent;
                } finally {
                    sendLock.unlock();
                }
                if (writer.drainWaits()) {
                    post(writer::sent);
                }
            }
        } catch (IOException e) {
            sendLock.lock();
            try {
                sendFailure = e;
            } finally {
                sendLock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeChannel();
        loop.untrack(this);
        post(writer::closed);
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing more to tell
        }
    }

    /** Python's {@code open_connection}: connects off the loop (the calling task waits), then wires the streams. */
    static Connection connect(EventLoop loop, String host, int port) throws Exception {
        SocketChannel channel = Asyncio.toThread(() -> SocketChannel.open(new InetSocketAddress(host, port))).await();
        SocketTransport transport = new SocketTransport(loop, channel);
        return new Connection(transport.reader, transport.writer);
    }
}
