package dev.spindle.internal.transport;

import dev.spindle.internal.travel.Journey;
import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.internal.travel.Travel;
import java.io.IOException;
import java.io.NotSerializableException;

/**
 * One end of a pipe between threads of this JVM (Python's {@code multiprocessing.dummy.Pipe}):
 * what a threads context's {@code pipe()} is made of. It reads from one {@link Mailbox} and writes
 * to the other; it cannot travel to another process.
 */
public final class InProcessEnd implements Transport, StaysInProcess {
    private final Mailbox incoming;
    private final Mailbox outgoing;
    private volatile boolean closed;

    private InProcessEnd(Mailbox incoming, Mailbox outgoing) {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    /**
     * Two connected ends; with {@code duplex} false the first only receives and the second only
     * sends. Each end accepts messages of up to {@code maxBytes}.
     */
    public static InProcessEnd[] pair(boolean duplex, int maxBytes) {
        Mailbox toFirst = new Mailbox(maxBytes);
        Mailbox toSecond = duplex ? new Mailbox(maxBytes) : null;
        return new InProcessEnd[] {new InProcessEnd(toFirst, toSecond), new InProcessEnd(toSecond, toFirst)};
    }

    @Override
    public void send(byte[] bytes, int offset, int length) throws IOException {
        if (outgoing == null) {
            throw new IllegalStateException("connection is read-only");
        }
        checkOpen();
        outgoing.put(bytes, offset, length);
    }

    @Override
    public void acceptUpTo(int maxBytes) {
        if (incoming != null) {
            incoming.acceptUpTo(maxBytes);
        }
    }

    @Override
    public int acceptedUpTo() {
        return incoming != null ? incoming.acceptedUpTo() : 0;
    }

    @Override
    public byte[] receive(int maxLength) throws IOException {
        return readable("receive").take(maxLength, -1);
    }

    @Override
    public byte[] tryReceive(int maxLength) throws IOException {
        return readable("receive").take(maxLength, 0);
    }

    @Override
    public boolean poll(long timeoutNanos) throws IOException {
        return readable("poll").await(Math.max(0, timeoutNanos));
    }

    @Override
    public boolean readyNow() {
        return incoming != null && !closed && incoming.readyNow();
    }

    private Mailbox readable(String operation) throws IOException {
        if (incoming == null) {
            throw new IllegalStateException("connection is write-only: cannot " + operation);
        }
        checkOpen();
        return incoming;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("connection is closed");
        }
    }

    @Override
    public boolean readable() {
        return incoming != null;
    }

    @Override
    public boolean writable() {
        return outgoing != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Travel.Arrival depart(Journey journey) throws NotSerializableException {
        throw new NotSerializableException(StaysInProcess.refusal("Connection"));
    }

    /** Closes this end: its peer's receives see EOF once the sent messages are read, its sends a broken pipe. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (outgoing != null) {
            outgoing.closeSender();
        }
        if (incoming != null) {
            incoming.closeReceiver();
        }
    }
}
