package dev.spindle.internal.transport;

import dev.spindle.internal.nativeio.AdaptiveSpin;
import dev.spindle.internal.track.BackgroundThreads;
import dev.spindle.internal.travel.Journey;
import dev.spindle.internal.travel.Travel;
import dev.spindle.internal.wire.CorruptFrameException;
import dev.spindle.internal.wire.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.NotSerializableException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end of a socket connection (TCP or Unix domain) as a {@link Transport}: each message is one
 * {@link Wire} frame of type {@link #MESSAGE}. The channel is non-blocking; a wait for room or data
 * is a {@link Selector} wait, so {@link #poll} needs no thread of its own and an interrupt or a
 * {@link #close()} ends it. A receiver tries again for a short while before it waits, as the
 * pipes' readers spin, and reads ahead into a buffer of its own, so a small
 * message costs one read.
 *
 * <p>Limits: a message longer than a receive's limit is read past (so the stream stays in step)
 * and refused with {@link MessageTooLongException}; the peer learns of this end's limit only by
 * that, unlike a pipe's, whose senders check it. Before a peer has authenticated, {@link
 * #receiveSmall} reads at most a given number of bytes and allocates nothing more.
 */
public final class SocketEnd implements Transport {
    /** The frame type of a user message. */
    public static final byte MESSAGE = 1;
    /** A deadline that never comes. */
    private static final long FOREVER = Long.MAX_VALUE;
    private static final int INBOX_BYTES = 16 * 1024;

    private final SocketChannel channel;
    private final Selector readable;
    private final Selector writable;
    private final ReentrantLock receiving = new ReentrantLock();
    private final ReentrantLock sending = new ReentrantLock();
    /** Bytes read and not yet taken, in read mode: one read usually brings a whole small message. */
    private final ByteBuffer inbox = ByteBuffer.allocate(INBOX_BYTES).flip();
    /** Whether the inbox holds bytes, for {@link #readyNow} without the receiving lock. */
    private volatile boolean buffered;
    private final AdaptiveSpin readerSpin = new AdaptiveSpin();
    private final Cleaner.Cleanable release;
    private volatile boolean closed;
    private volatile int acceptUpTo;

    /**
     * An end over {@code channel}, connected, which it owns from now on. Dropped without
     * {@link #close()}, it is closed once unreachable.
     */
    public SocketEnd(SocketChannel channel, int acceptUpTo) throws IOException {
        this.channel = channel;
        this.acceptUpTo = acceptUpTo;
        channel.configureBlocking(false);
        this.readable = Selector.open();
        this.writable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
        channel.register(writable, SelectionKey.OP_WRITE);
        this.release = BackgroundThreads.whenUnreachable(this, new Release(channel, readable, writable));
    }

    private record Release(SocketChannel channel, Selector readable, Selector writable) implements Runnable {
        @Override
        public void run() {
            try (channel; readable; writable) {
                // closing the three is all
            } catch (IOException ignored) {
                // nothing more can be done for a socket being dropped
            }
        }
    }

    @Override
    public void send(byte[] bytes, int offset, int length) throws IOException {
        sendFrame(MESSAGE, bytes, offset, length, FOREVER);
    }

    /** Sends one frame of {@code type}, waiting for room until {@code deadline} (nanoTime, or {@link #FOREVER}). */
    void sendFrame(byte type, byte[] bytes, int offset, int length, long deadline) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(Wire.HEADER_BYTES).putInt(length + 2).put(Wire.VERSION).put(type).flip();
        ByteBuffer[] frame = {head, ByteBuffer.wrap(bytes, offset, length)};
        sending.lock();
        try {
            checkOpen();
            while (frame[1].hasRemaining() || head.hasRemaining()) {
                if (channel.write(frame) == 0) {
                    await(writable, deadline, "sending");
                }
            }
        } catch (ClosedChannelException | ClosedSelectorException | CancelledKeyException e) {
            throw closedMeanwhile(e);
        } finally {
            sending.unlock();
        }
    }

    @Override
    public void acceptUpTo(int maxBytes) {
        acceptUpTo = maxBytes;
    }

    @Override
    public int acceptedUpTo() {
        return acceptUpTo;
    }

    @Override
    public byte[] receive(int maxLength) throws IOException {
        receiving.lock();
        try {
            return readMessage(maxLength, FOREVER);
        } finally {
            receiving.unlock();
        }
    }

    @Override
    public byte[] tryReceive(int maxLength) throws IOException {
        if (!receiving.tryLock()) {
            return null;
        }
        try {
            return readyNow() ? readMessage(maxLength, FOREVER) : null;
        } finally {
            receiving.unlock();
        }
    }

    private byte[] readMessage(int maxLength, long deadline) throws IOException {
        Wire.Frame frame = readFrame(maxLength, false, deadline);
        if (frame.type() != MESSAGE) {
            throw new CorruptFrameException("a frame of type " + frame.type() + " where a message was expected");
        }
        return frame.payloadBytes();
    }

    /**
     * One frame read before the peer has authenticated: at most {@code maxLength} payload bytes,
     * else refused without reading further; waits until {@code deadline} (nanoTime) at most.
     *
     * @throws java.net.SocketTimeoutException if the deadline passes first
     */
    Wire.Frame receiveSmall(int maxLength, long deadline) throws IOException {
        receiving.lock();
        try {
            return readFrame(maxLength, true, deadline);
        } finally {
            receiving.unlock();
        }
    }

    private Wire.Frame readFrame(int maxLength, boolean beforeAuthentication, long deadline) throws IOException {
        try {
            return readFrameOpen(maxLength, beforeAuthentication, deadline);
        } catch (ClosedChannelException | ClosedSelectorException | CancelledKeyException e) {
            throw closedMeanwhile(e);
        } finally {
            buffered = inbox.hasRemaining();
        }
    }

    private Wire.Frame readFrameOpen(int maxLength, boolean beforeAuthentication, long deadline) throws IOException {
        if (!buffer(Wire.HEADER_BYTES, deadline, true, beforeAuthentication)) {
            throw new EOFException("the other end is closed");
        }
        int length = inbox.getInt();
        byte version = inbox.get();
        byte type = inbox.get();
        if (version != Wire.VERSION) {
            throw new CorruptFrameException("a frame of version " + version + ", not " + Wire.VERSION
                    + ": the peer is another Spindle, or not Spindle");
        }
        int payload = length - 2;
        if (payload < 0) {
            throw new CorruptFrameException("a frame of length " + length);
        }
        if (payload > maxLength) {
            if (!beforeAuthentication) {
                skip(payload, deadline);
            }
            throw new MessageTooLongException(payload, maxLength);
        }
        byte[] body = new byte[payload];
        int taken = Math.min(payload, inbox.remaining());
        inbox.get(body, 0, taken);
        ByteBuffer rest = ByteBuffer.wrap(body, taken, payload - taken);
        while (rest.hasRemaining()) {
            if (readSome(rest, deadline) < 0) {
                throw new EOFException("the other end closed in the middle of a message");
            }
        }
        return new Wire.Frame(type, ByteBuffer.wrap(body));
    }

    /**
     * Makes the inbox hold at least {@code count} bytes, reading as many as the socket has unless
     * {@code exact} (then no more than {@code count}: before authentication). False at the end of
     * the stream before any byte of them if {@code endOk}.
     */
    private boolean buffer(int count, long deadline, boolean endOk, boolean exact) throws IOException {
        while (inbox.remaining() < count) {
            inbox.compact();
            int n;
            try {
                if (exact) {
                    inbox.limit(count);
                }
                n = readSome(inbox, deadline);
            } finally {
                inbox.flip();
            }
            if (n < 0) {
                if (endOk && !inbox.hasRemaining()) {
                    return false;
                }
                throw new EOFException("the other end closed in the middle of a message");
            }
        }
        return true;
    }

    /** Discards {@code bytes}, those in the inbox first. */
    private void skip(long bytes, long deadline) throws IOException {
        int buffered = (int) Math.min(bytes, inbox.remaining());
        inbox.position(inbox.position() + buffered);
        ByteBuffer scratch = ByteBuffer.allocate((int) Math.min(bytes - buffered, 64 * 1024));
        long left = bytes - buffered;
        while (left > 0) {
            scratch.clear().limit((int) Math.min(left, scratch.capacity()));
            int n = readSome(scratch, deadline);
            if (n < 0) {
                throw new EOFException("the other end closed in the middle of a message");
            }
            left -= n;
        }
    }

    /**
     * Reads what the socket has into {@code into} (at least one byte, or -1 at its end): while the
     * reader's waits are short it tries again for a while, as the pipes' readers spin, since a
     * selector's wake-up costs tens of microseconds and the answer to a request usually comes
     * sooner; then it waits on the selector.
     */
    private int readSome(ByteBuffer into, long deadline) throws IOException {
        long start = System.nanoTime();
        long spinUntil = start + readerSpin.spinNanos();
        try {
            while (true) {
                checkOpen();
                int n = channel.read(into);
                if (n != 0) {
                    return n;
                }
                if (System.nanoTime() - spinUntil < 0) {
                    Thread.onSpinWait();
                } else {
                    await(readable, deadline, "receiving");
                }
            }
        } finally {
            readerSpin.waited(System.nanoTime() - start);
        }
    }

    @Override
    public boolean poll(long timeoutNanos) throws IOException {
        receiving.lock();
        try {
            checkOpen();
            if (buffered) {
                return true;
            }
            long deadline = timeoutNanos >= FOREVER / 2 ? FOREVER : System.nanoTime() + Math.max(0, timeoutNanos);
            return select(readable, deadline) > 0;
        } catch (ClosedSelectorException | CancelledKeyException e) {
            throw closedMeanwhile(e);
        } finally {
            receiving.unlock();
        }
    }

    @Override
    public boolean readyNow() {
        if (closed) {
            return false;
        }
        if (buffered) {
            return true;
        }
        try {
            int ready = readable.selectNow();
            readable.selectedKeys().clear();
            return ready > 0;
        } catch (IOException | RuntimeException closedMeanwhile) {
            return false;
        }
    }

    private void await(Selector selector, long deadline, String what) throws IOException {
        if (select(selector, deadline) == 0) {
            throw new java.net.SocketTimeoutException("timed out " + what);
        }
    }

    /** Waits until {@code selector}'s key is ready (its count) or {@code deadline} passes (0). */
    private int select(Selector selector, long deadline) throws IOException {
        while (true) {
            int ready;
            if (deadline == FOREVER) {
                ready = selector.select();
            } else {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                ready = left <= 0 ? selector.selectNow() : selector.select(left);
            }
            selector.selectedKeys().clear();
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting on a socket");
            }
            checkOpen();
            if (ready > 0 || (deadline != FOREVER && System.nanoTime() - deadline >= 0)) {
                return ready;
            }
        }
    }

    /** What a wait or transfer that met this end's close (or the peer's reset) throws. */
    private IOException closedMeanwhile(Exception e) {
        return new IOException(closed ? "connection is closed" : "the connection was closed: " + e, e);
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("connection is closed");
        }
    }

    @Override
    public boolean readable() {
        return true;
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** A socket stays with the process that opened it: this end cannot be sent. */
    @Override
    public Travel.Arrival depart(Journey journey) throws NotSerializableException {
        throw new NotSerializableException("a Connection of a socket cannot cross into another process;"
                + " let the other process connect to the Listener itself");
    }

    /** Closes the socket: the peer's receives see EOF, a wait of this end's ends. Idempotent. */
    @Override
    public void close() {
        closed = true;
        release.clean();
    }
}
