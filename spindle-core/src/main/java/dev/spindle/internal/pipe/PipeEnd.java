package dev.spindle.internal.pipe;

import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.transfer.Transfer;
import java.io.EOFException;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One end of a pipe as held by this process: the mapped segment, this process's reference in
 * the end's holder table, and the two rings (it sends on ring {@code end}, receives on ring
 * {@code 1 - end}).
 *
 * <p>Closing: the reference is dropped; if it was the end's last holder, everyone waiting on its
 * rings is woken so the peer sees EOF (receiving) or a broken pipe (sending); once neither end has
 * a holder the segment's name is unlinked. Operations in progress in this process are woken and
 * fail; the mapping is released only after they have left.
 */
public final class PipeEnd implements ByteRing.Watch {
    /** Bytes per direction: large enough that typical messages never wait for space. */
    public static final int DEFAULT_CAPACITY = 1 << 20;

    /** The pipes this process sent to each child (by pid): what that child may abandon. */
    private static final Map<Long, Set<String>> SENT = new ConcurrentHashMap<>();

    private final SharedSegment segment;
    private final int end;
    private final boolean readable;
    private final boolean writable;
    private final HolderTable holders;
    private final ByteRing outgoing;
    private final ByteRing incoming;
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private PipeEnd(SharedSegment segment, int end, boolean readable, boolean writable) {
        this.segment = segment;
        this.end = end;
        this.readable = readable;
        this.writable = writable;
        int capacity = PipeLayout.validate(segment.memory());
        this.holders = new HolderTable(segment.memory());
        long out = PipeLayout.ringOffset(end, capacity);
        long in = PipeLayout.ringOffset(1 - end, capacity);
        this.outgoing = new ByteRing(segment.memory(), out, capacity);
        this.incoming = new ByteRing(segment.memory(), in, capacity);
    }

    /**
     * Creates a pipe; both ends are held by this process. Duplex: both ends send and receive.
     * One-way (Python's {@code Pipe(False)}): end 0 only receives, end 1 only sends.
     */
    public static PipeEnd[] create(boolean duplex, int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two: " + capacity);
        }
        SharedSegment segment = SharedSegment.create("pipe", PipeLayout.segmentSize(capacity));
        PipeLayout.initialize(segment.memory(), duplex, capacity);
        HolderTable table = new HolderTable(segment.memory());
        table.add(0, ProcessIdentity.self());
        table.add(1, ProcessIdentity.self());
        return new PipeEnd[] {
            new PipeEnd(segment, 0, true, duplex),
            new PipeEnd(segment.retain(), 1, duplex, true)
        };
    }

    /** How an end crosses to another process: the segment's name and which end. */
    public record Ref(String segmentName, int end, boolean readable, boolean writable) implements Serializable {}

    /**
     * The form in which this end is written for another process. The receiving process is
     * registered as a holder now, before it can read the form, so the end never looks closed in
     * between; if the encoding fails the registration is undone.
     */
    public Ref transferForm() throws NotSerializableException {
        Transfer transfer = Transfer.current();
        if (transfer == null) {
            throw new NotSerializableException(
                    "a pipe Connection can be sent only to a child process when it starts (as a target argument or capture)");
        }
        if (closed) {
            throw new NotSerializableException("a closed Connection cannot be sent");
        }
        ProcessIdentity destination = transfer.destination();
        holders.add(end, destination);
        SENT.computeIfAbsent(destination.pid(), pid -> ConcurrentHashMap.newKeySet()).add(segment.name());
        transfer.onFailure(() -> {
            holders.remove(end, destination);
            SENT.remove(destination.pid());
        });
        return new Ref(segment.name(), end, readable, writable);
    }

    /** Maps an end sent by another process and takes the reference registered for this one. */
    public static PipeEnd adopt(Ref ref) throws IOException {
        SharedSegment segment = SharedSegment.open(ref.segmentName());
        PipeEnd adopted = new PipeEnd(segment, ref.end(), ref.readable(), ref.writable());
        if (!adopted.holders.holds(ref.end(), ProcessIdentity.self())) {
            adopted.holders.add(ref.end(), ProcessIdentity.self());
        }
        return adopted;
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Sends one message; blocks while the ring is full. */
    public void send(byte[] bytes, int offset, int length) throws IOException {
        if (!writable) {
            throw new IllegalStateException("connection is read-only");
        }
        enter();
        try {
            outgoing.send(bytes, offset, length, this);
        } finally {
            leave();
        }
    }

    /** Receives one message; blocks until one arrives; EOFException once none can. */
    public byte[] receive(int maxLength) throws IOException {
        return read(maxLength, false);
    }

    /**
     * Receives one message if one has begun to arrive, else returns null at once: the check and
     * the read are one step under the read lock, so concurrent receivers never both see one
     * message (poll-then-receive would race). A message larger than the ring is waited for whole.
     */
    public byte[] tryReceive(int maxLength) throws IOException {
        return read(maxLength, true);
    }

    /** One message under the read lock; with {@code onlyIfArrived}, null if none has begun to arrive. */
    private byte[] read(int maxLength, boolean onlyIfArrived) throws IOException {
        requireReadable();
        enter();
        try {
            return incoming.receive(maxLength, this, onlyIfArrived);
        } finally {
            leave();
        }
    }

    /** Waits up to {@code timeoutNanos} until a receive would not block (data, or EOF). */
    public boolean poll(long timeoutNanos) throws IOException {
        requireReadable();
        enter();
        try {
            long deadline = timeoutNanos >= ByteRing.FOREVER / 2 ? ByteRing.FOREVER : System.nanoTime() + Math.max(0, timeoutNanos);
            return incoming.awaitData(incoming.head(), deadline, this, true);
        } catch (EOFException eof) {
            return true; // recv would raise EOF at once: that is "ready", as select() says
        } finally {
            leave();
        }
    }

    /** True if a receive would not block now. Never blocks. */
    public boolean readyNow() {
        return readable && !closed && (incoming.available() > 0 || otherEndGone(false));
    }

    private void requireReadable() {
        if (!readable) {
            throw new IllegalStateException("connection is write-only");
        }
    }

    private void enter() throws IOException {
        inUse.readLock().lock();
        if (closed) {
            inUse.readLock().unlock();
            throw new IOException("connection is closed");
        }
    }

    private void leave() {
        inUse.readLock().unlock();
    }

    @Override
    public boolean otherEndGone(boolean checkLiveness) {
        if (checkLiveness) {
            holders.clearDead(1 - end);
        }
        return !holders.anyHolder(1 - end);
    }

    @Override
    public void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("connection closed while waiting");
        }
    }

    /**
     * Called when the child {@code pid} has ended: unlinks the pipes sent to it whose every
     * holder has closed or died. A child that held an end to the last, and exited without
     * closing it, leaves no one else to unlink the segment.
     */
    public static void reclaimAbandoned(long pid) {
        Set<String> names = SENT.remove(pid);
        if (names == null) {
            return;
        }
        for (String name : names) {
            try (SharedSegment segment = SharedSegment.open(name)) {
                unlinkIfAbandoned(segment, new HolderTable(segment.memory()));
            } catch (IOException | RuntimeException alreadyGone) {
                // unlinked by its last closer
            }
        }
    }

    private static void unlinkIfAbandoned(SharedSegment segment, HolderTable table) {
        table.clearDead(0);
        table.clearDead(1);
        if (!table.anyHolder(0) && !table.anyHolder(1)) {
            segment.unlink();
        }
    }

    /** Drops this process's reference; idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        outgoing.wakeAll();
        incoming.wakeAll();
        inUse.writeLock().lock();
        try {
            holders.remove(end, ProcessIdentity.self());
            if (!holders.anyHolder(end)) {
                outgoing.wakeAll();
                incoming.wakeAll();
            }
            unlinkIfAbandoned(segment, holders);
            segment.close();
        } finally {
            inUse.writeLock().unlock();
        }
    }
}
