package dev.spindle.multiprocessing;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.SizeLimit;
import dev.spindle.internal.transport.MessageTooLongException;
import dev.spindle.internal.transport.Transport;
import dev.spindle.internal.travel.Travel;
import dev.spindle.internal.waits.Waits;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One end of a {@link Pipe} or of a socket (Python's {@code multiprocessing.connection.Connection}):
 * messages between processes through shared memory, or through a TCP or Unix domain socket made
 * by {@link Listener} and {@link Client}, with the same methods.
 *
 * <p>{@link #send} encodes an object and {@link #recv} decodes one; {@link #sendBytes} and
 * {@link #recvBytes} move raw byte messages. Messages may be up to 2 GiB; larger ones than the
 * ring stream through it. {@code recv} blocks until a message arrives and throws
 * {@link EOFException} once nothing is left and every copy of the other end, in every process,
 * is closed or its process has died. Sending to an end whose peer is gone throws an
 * {@link IOException} (broken pipe).
 *
 * <p>A pipe's end travels to another process wherever Spindle sends values: as a child's target
 * argument or lambda capture, as a pool task's argument or result, inside a message sent over
 * another pipe. The receiver then holds its own copy, which it should close (or exit) for EOF to
 * reach the other side, as with Python's file descriptors. While a message carrying an end is on
 * its way to a reader not known yet, the end counts as held by the sender, so closing the
 * sender's copy right after sending is safe; an end that is never received stays held until its
 * sender ends. Only Spindle's codec can send one: a Connection is not {@code Serializable}, so
 * plain Java serialization refuses it. A socket's end stays in its process.
 *
 * <p>Thread safety: threads may share a Connection; each message is sent and received whole.
 * Memory consistency: actions before {@code send} happen-before the matching {@code recv} returns
 * in another thread of the same process; across processes only the message travels.
 */
public final class Connection implements AutoCloseable {
    private final Transport end;
    /** Null until set: the defaults (also in a process that received this end). */
    private volatile ReadLimits limits;

    static {
        Travel.register(Connection.class, (connection, journey) -> new InTransit(connection.end.depart(journey)));
    }

    Connection(Transport end) {
        this.end = end;
    }

    /**
     * Encodes {@code value} with the codec and sends it as one message.
     *
     * @throws IllegalArgumentException if it encodes to more bytes than the receiving end accepts
     *                                  (its {@link ReadLimits#maxBytes()}); nothing is sent
     */
    public void send(Object value) throws IOException {
        byte[] bytes = Codec.get().encode(value);
        sendBytes(bytes, 0, bytes.length);
    }

    /**
     * Sets what one received message may cost (size, nesting, classes); see {@link ReadLimits}.
     * The size limit belongs to the end, in every process that holds it (it is kept with the
     * pipe, so a copy sent to a child has it too), and senders check it: a longer message fails at
     * {@code send}. Nesting and classes are this process's copy's. Returns this connection.
     */
    public Connection readLimits(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        end.acceptUpTo(limits.maxBytes());
        return this;
    }

    /**
     * The limits {@link #recv} and {@link #recvBytes()} read under: those set on this copy, or
     * {@link ReadLimits#defaults()}, with the size limit the end has.
     */
    public ReadLimits readLimits() {
        ReadLimits set = limits;
        ReadLimits base = set != null ? set : ReadLimits.defaults();
        int endLimit = end.readable() ? end.acceptedUpTo() : base.maxBytes();
        return endLimit == base.maxBytes() || endLimit < 1 ? base : base.withMaxBytes(endLimit);
    }

    /**
     * Receives one message and decodes it under {@link #readLimits()}, blocking until one arrives.
     *
     * @throws EOFException           when nothing is left and the other end is closed everywhere
     * @throws SerializationException when the message is not a value here or breaks a limit; it
     *                                is consumed, and the next {@code recv} reads the next message
     */
    @SuppressWarnings("unchecked")
    public <T> T recv() throws IOException {
        ReadLimits readLimits = readLimits();
        byte[] message;
        try {
            message = end.receive(readLimits.maxBytes());
        } catch (MessageTooLongException e) {
            throw new SerializationException(e.getMessage() + " (its ReadLimits.maxBytes; see Connection.readLimits)", e);
        }
        return (T) Codec.get().decode(message, readLimits);
    }

    /** Sends {@code bytes} as one message. */
    public void sendBytes(byte[] bytes) throws IOException {
        sendBytes(bytes, 0, bytes.length);
    }

    /**
     * Sends {@code length} bytes of {@code bytes} from {@code offset} as one message.
     *
     * @throws IllegalArgumentException if it is longer than the receiving end accepts (its
     *                                  {@link ReadLimits#maxBytes()}); nothing is sent
     */
    public void sendBytes(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        try {
            end.send(bytes, offset, length);
        } catch (MessageTooLongException e) {
            throw new IllegalArgumentException(SizeLimit.exceeded("a message", e.length(), e.limit(),
                    "where it is received with connection.readLimits(ReadLimits.defaults().withMaxBytes(n))"), e);
        }
    }

    /**
     * Receives one byte message of at most {@link #readLimits()}'s {@code maxBytes}; a longer
     * one is discarded as {@link #recvBytes(int)} does.
     */
    public byte[] recvBytes() throws IOException {
        return end.receive(readLimits().maxBytes());
    }

    /**
     * Receives one byte message of at most {@code maxLength} bytes. A longer message is consumed
     * and discarded, and an IOException is thrown (Python raises OSError).
     */
    public byte[] recvBytes(int maxLength) throws IOException {
        if (maxLength < 0) {
            throw new IllegalArgumentException("negative maxLength " + maxLength);
        }
        return end.receive(maxLength);
    }

    /**
     * Receives one byte message into {@code buffer} from its start; returns its length (Python's
     * {@code recv_bytes_into(buffer)}). As {@link #recvBytesInto(byte[], int)}.
     */
    public int recvBytesInto(byte[] buffer) throws IOException {
        return recvBytesInto(buffer, 0);
    }

    /**
     * Receives one byte message of at most {@link #readLimits()}'s {@code maxBytes} into
     * {@code buffer} from {@code offset}, blocking until one arrives; returns its length (Python's
     * {@code recv_bytes_into(buffer, offset)}). Bytes of {@code buffer} past the message are left
     * as they were.
     *
     * @throws IndexOutOfBoundsException if {@code offset} is negative or above {@code buffer.length}
     *                                   (checked before anything is received)
     * @throws BufferTooShort            if the message is longer than {@code buffer.length - offset}:
     *                                   it is consumed and carried whole by the exception, and
     *                                   {@code buffer} is unchanged
     * @throws EOFException              when nothing is left and the other end is closed everywhere
     */
    public int recvBytesInto(byte[] buffer, int offset) throws IOException {
        Objects.checkFromToIndex(offset, buffer.length, buffer.length);
        byte[] message = recvBytes();
        int room = buffer.length - offset;
        if (message.length > room) {
            throw new BufferTooShort(message, room);
        }
        System.arraycopy(message, 0, buffer, offset, message.length);
        return message.length;
    }

    /**
     * True if a message (or EOF) is ready now; takes nothing, in this process or any other.
     *
     * @throws IOException           if this process closed this end
     * @throws IllegalStateException if this end only sends (a one-way pipe's; Python's {@code OSError})
     */
    public boolean poll() throws IOException {
        return end.poll(0);
    }

    /**
     * Waits at most {@code timeout} until a message (or EOF) is ready; true if one is. A timeout of
     * zero or less looks once, as {@link #poll()}; one of centuries waits for ever. Throws as
     * {@link #poll()}.
     */
    public boolean poll(Duration timeout) throws IOException {
        return end.poll(Waits.nanos(timeout));
    }

    /** True if this end can receive. */
    public boolean isReadable() {
        return end.readable();
    }

    /** True if this end can send. */
    public boolean isWritable() {
        return end.writable();
    }

    /** True once {@link #close()} was called in this process. */
    public boolean isClosed() {
        return end.isClosed();
    }

    /** Closes this process's copy of the end. Idempotent. */
    @Override
    public void close() {
        end.close();
    }

    /**
     * Waits until at least one of {@code connections} is ready to receive (a message or EOF),
     * at most {@code timeout} (null: no limit). Returns the ready ones, empty on timeout (Python's
     * {@code multiprocessing.connection.wait}). Pipes and sockets may be mixed: each is watched by
     * a virtual thread in its own way (a futex, a selector), which the first ready one wakes.
     */
    public static List<Connection> wait(Collection<Connection> connections, Duration timeout) throws InterruptedException {
        List<Connection> ready = readyNow(connections);
        if (!ready.isEmpty() || (connections.isEmpty() && timeout == null) || (timeout != null && !timeout.isPositive())) {
            return ready;
        }
        CountDownLatch any = new CountDownLatch(1);
        long watchNanos = timeout == null ? Long.MAX_VALUE : Waits.nanos(timeout);
        List<Thread> watchers = new ArrayList<>();
        for (Connection c : connections) {
            watchers.add(Thread.ofVirtual().name("spindle-wait").start(() -> {
                try {
                    if (c.end.poll(watchNanos)) {
                        any.countDown();
                    }
                } catch (IOException closedOrInterrupted) {
                    any.countDown(); // a closed end is reported as not ready; the wait need not go on for it
                }
            }));
        }
        try {
            if (timeout == null) {
                any.await();
            } else {
                any.await(watchNanos, TimeUnit.NANOSECONDS);
            }
        } finally {
            watchers.forEach(Thread::interrupt);
        }
        return readyNow(connections);
    }

    private static List<Connection> readyNow(Collection<Connection> connections) {
        List<Connection> ready = new ArrayList<>();
        for (Connection c : connections) {
            if (c.end.readyNow()) {
                ready.add(c);
            }
        }
        return ready;
    }

    /**
     * The form in transit: it carries its transport's own form, which the codec attaches (as a
     * {@link Transport}) before this form arrives as a Connection around it.
     */
    private record InTransit(Object transport) implements Travel.Arrival {
        @Override
        public Object arrive() {
            return new Connection((Transport) transport);
        }
    }

    @Override
    public String toString() {
        return "Connection[" + (isReadable() ? "r" : "") + (isWritable() ? "w" : "") + (isClosed() ? ", closed" : "") + "]";
    }
}
