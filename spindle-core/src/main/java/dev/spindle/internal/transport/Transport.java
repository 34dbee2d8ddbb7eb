package dev.spindle.internal.transport;

import dev.spindle.internal.travel.Journey;
import dev.spindle.internal.travel.Travel;
import java.io.EOFException;
import java.io.IOException;
import java.io.NotSerializableException;

/**
 * One end of a message channel between processes, as a {@code Connection} and the pool's drivers
 * use it: whole messages of bytes, in order, each delivered once. Implementations: the
 * shared-memory pipe end ({@code internal.pipe.PipeEnd}); sockets (for {@code Listener}/
 * {@code Client} and managers) are to implement it too.
 *
 * <p>Thread safety: threads may share an end; each message is sent and received whole. Memory
 * consistency: actions before {@code send} happen-before the matching receive returns in another
 * thread of the same process.
 */
public interface Transport extends AutoCloseable {
    /**
     * Sends one message; blocks while the channel has no room. IOException once the peer is gone.
     *
     * @throws MessageTooLongException if it is longer than the receiving side accepts
     *                                 ({@link #acceptUpTo}); nothing is sent
     */
    void send(byte[] bytes, int offset, int length) throws IOException;

    /**
     * Tells senders the largest message this end's readers accept, in every process that holds
     * it; longer ones then fail at {@code send}. No effect on an end that does not read.
     */
    void acceptUpTo(int maxBytes);

    /** The largest message this end's readers accept, as last set for it anywhere ({@link #acceptUpTo}). */
    int acceptedUpTo();

    /** Sends all of {@code message} as one message. */
    default void send(byte[] message) throws IOException {
        send(message, 0, message.length);
    }

    /**
     * Receives one message; blocks until one arrives.
     *
     * @throws EOFException            once no message can arrive any more
     * @throws MessageTooLongException if it is longer than {@code maxLength} (it is discarded;
     *                                 the channel goes on)
     */
    byte[] receive(int maxLength) throws IOException;

    /** Receives one message if one has begun to arrive, else null at once. */
    byte[] tryReceive(int maxLength) throws IOException;

    /** Waits up to {@code timeoutNanos} until a receive would not block (a message, or EOF). */
    boolean poll(long timeoutNanos) throws IOException;

    /** True if a receive would not block now; never blocks. */
    boolean readyNow();

    boolean readable();

    boolean writable();

    boolean isClosed();

    /**
     * The form in which this end travels to another process ({@link Travel}); arriving gives a
     * {@code Transport} there.
     *
     * @throws NotSerializableException if this end cannot travel (it is closed)
     */
    Travel.Arrival depart(Journey journey) throws NotSerializableException;

    /** Drops this process's hold on the end; idempotent. */
    @Override
    void close();
}
