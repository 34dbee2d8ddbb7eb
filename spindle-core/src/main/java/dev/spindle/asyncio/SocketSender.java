package dev.spindle.asyncio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending half of a {@link SocketTransport}: a writer thread (virtual) that sends, in order,
 * what {@link StreamWriter#write} queued, then the end of stream or the close asked for. The socket
 * is non-blocking: when it takes no more, the thread asks the loop's poll to watch for it to be
 * writable and waits for {@link #writable()}. A drain that waits hears of each chunk sent; a send
 * that fails is kept for the next write or drain to throw, and closes the socket.
 */
final class SocketSender {
    private final EventLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final SocketTransport transport;

    private final ReentrantLock sendLock = new ReentrantLock();
    private final Condition sendable = sendLock.newCondition();
    private final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();
    private long queuedBytes;
    private boolean closing;
    private boolean eofAfterSend;
    /** Set by the loop once the socket, full a moment ago, is writable again. */
    private boolean writable;
    private IOException sendFailure;

    /** The sender of {@code transport}'s {@code channel}, registered with the loop's poll as {@code key}. */
    SocketSender(EventLoop loop, SocketTransport transport, SocketChannel channel, SelectionKey key) {
        this.loop = loop;
        this.transport = transport;
        this.channel = channel;
        this.key = key;
    }

    /** Hands {@code callback} to the loop; dropped once the loop is closed: then nobody waits any more. */
    private void post(Runnable callback) {
        try {
            loop.callSoonThreadsafe(callback);
        } catch (IllegalStateException loopClosed) {
            // Asyncio.run has ended
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

    /** In the loop: the socket, full a moment ago, takes more; the writer thread goes on. */
    void writable() {
        try {
            key.interestOpsAnd(~SelectionKey.OP_WRITE);
        } catch (CancelledKeyException closed) {
            // closed since the poll: the writer thread has ended or sees it at once
        }
        sendLock.lock();
        try {
            writable = true;
            sendable.signal();
        } finally {
            sendLock.unlock();
        }
    }

    /** Closes the socket now, unsent bytes and all: the loop is gone (its writer thread ends). */
    void abort() {
        close();
        closeChannel();
        sendLock.lock();
        try {
            sendable.signal(); // a writer waiting for the socket to be writable sees it closed
        } finally {
            sendLock.unlock();
        }
    }

    /** The writer thread's body: sends until closed, then closes the socket and tells the loop. */
    void run() {
        boolean eofSent = false;
        try {
            while (true) {
                StreamWindows.senderBetweenChunks.run();
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
                    int n = channel.write(next);
                    if (n == 0) {
                        awaitWritable();
                    }
                    sent += n;
                }
                sendLock.lock();
                try {
                    outgoing.poll();
                    queuedBytes -= sent;
                } finally {
                    sendLock.unlock();
                }
                if (transport.writer.drainWaits()) {
                    post(transport.writer::sent);
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
        loop.untrack(transport);
        post(transport::closedByThisSide);
    }

    /**
     * On the writer thread, when the socket takes no more: has the loop's poll watch for it to be
     * writable again, and waits for that (or for the socket to close).
     */
    private void awaitWritable() throws InterruptedException {
        sendLock.lock();
        try {
            writable = false;
            key.interestOpsOr(SelectionKey.OP_WRITE);
            loop.wakePoll(); // a poll that waits already would not see the new interest
            while (!writable && channel.isOpen()) {
                sendable.await();
            }
        } catch (CancelledKeyException closed) {
            // the socket was closed: the next write says so
        } finally {
            sendLock.unlock();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing more to tell
        }
    }
}
