package dev.spindle.internal.pipe;

import dev.spindle.internal.track.BackgroundThreads;
import java.lang.ref.Cleaner;
import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.transport.Transport;
import dev.spindle.internal.travel.Journey;
import dev.spindle.internal.travel.Travel;
import java.io.EOFException;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.HashSet;
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
public final class PipeEnd implements Transport, ByteRing.Watch {
    static {
        Travel.register(PipeEnd.class, PipeEnd::depart);
    }

    /** Bytes per direction: large enough that typical messages never wait for space. */
    public static final int DEFAULT_CAPACITY = 1 << 20;

    /** The kind in a pipe segment's name. */
    public static final String KIND = PipeLayout.HEADER.kind();
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
    /** Drops this process's hold: at {@link #close()}, or once this end is unreachable without it. */
    private final Cleaner.Cleanable release;

    private PipeEnd(SharedSegment segment, int end, boolean readable, boolean writable) {
        this.segment = segment;
        this.end = end;
        this.readable = readable;
        this.writable = writable;
        PipeLayout.HEADER.validate(segment.memory());
        int capacity = PipeLayout.capacityVolatile(segment.memory());
        this.holders = new HolderTable(segment.memory());
        this.outgoing = new ByteRing(segment.name() + " (end " + end + "'s sending side)", segment.memory(), end, capacity);
        this.incoming = new ByteRing(segment.name() + " (end " + end + "'s receiving side)", segment.memory(), 1 - end,
                capacity);
        this.release = BackgroundThreads.whenUnreachable(this, new Release(segment, holders, end, outgoing, incoming));
    }

    /**
     * What closing an end does, kept apart from the end (a cleaner's action must not reach its
     * object): this process's hold goes, the other side's waiters are told if it was the last,
     * and the segment goes once no process holds either end. A pipe end dropped without
     * {@code close()} is released by it too, as the other primitives are.
     */
    private record Release(SharedSegment segment, HolderTable holders, int end, ByteRing outgoing, ByteRing incoming)
            implements Runnable {
        @Override
        public void run() {
            holders.remove(end, ProcessIdentity.self());
            if (!holders.anyHolder(end)) {
                outgoing.wakeAll();
                incoming.wakeAll();
            }
            unlinkIfAbandoned(segment, holders);
            segment.close();
        }
    }

    /**
     * Creates a pipe; both ends are held by this process. Duplex: both ends send and receive.
     * One-way (Python's {@code Pipe(False)}): end 0 only receives, end 1 only sends. A message
     * longer than {@code readerMaxBytes} fails at {@code send} until a reader says otherwise
     * ({@link #acceptUpTo}).
     */
    public static PipeEnd[] create(boolean duplex, int capacity, int readerMaxBytes) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two: " + capacity);
        }
        SharedSegment segment = SharedSegment.create(KIND, PipeLayout.segmentSize(capacity));
        PipeLayout.initialize(segment.memory(), duplex, capacity, readerMaxBytes);
        HolderTable table = new HolderTable(segment.memory());
        table.add(0, ProcessIdentity.self());
        table.add(1, ProcessIdentity.self());
        return new PipeEnd[] {
            new PipeEnd(segment, 0, true, duplex),
            new PipeEnd(segment.retain(), 1, duplex, true)
        };
    }

    /**
     * How an end crosses to another process: the segment's name and which end, and the identity
     * word of the sender if it holds the end in transit for a reader not known when it was written
     * (0 when the reader was registered as a holder already).
     */
    public record Ref(String segmentName, int end, boolean readable, boolean writable, long inTransitFrom)
            implements Travel.Arrival {
        @Override
        public PipeEnd arrive() throws IOException {
            return adopt(this);
        }
    }

    /**
     * The form in which this end is written for another process. The end must stay held between
     * the write and the read: a known destination (a child being started) is registered as a
     * holder now; for one not known yet (a pipe message, a pool task) this process holds the end
     * in transit until the reader attaches it ({@link #adopt}), or until this process dies. If
     * the encoding fails, the registration is undone.
     */
    @Override
    public Ref depart(Journey journey) throws NotSerializableException {
        if (closed) {
            throw new NotSerializableException("a closed Connection cannot be sent");
        }
        ProcessIdentity destination = journey.destination().orElse(null);
        if (destination == null) {
            ProcessIdentity self = ProcessIdentity.self();
            holders.addInTransit(end, self);
            journey.onFailure(() -> holders.removeInTransit(end, self.word()));
            return new Ref(segment.name(), end, readable, writable, self.word());
        }
        holders.add(end, destination);
        SENT.computeIfAbsent(destination.pid(), pid -> ConcurrentHashMap.newKeySet()).add(segment.name());
        journey.onFailure(() -> {
            holders.remove(end, destination);
            SENT.remove(destination.pid());
        });
        return new Ref(segment.name(), end, readable, writable, 0);
    }

    /**
     * Maps an end sent by another process and takes the reference registered for this one: the
     * one its sender added for it, or a new one in place of the sender's in-transit reference.
     */
    public static PipeEnd adopt(Ref ref) throws IOException {
        SharedSegment segment = SharedSegment.open(ref.segmentName());
        PipeEnd adopted = new PipeEnd(segment, ref.end(), ref.readable(), ref.writable());
        if (ref.inTransitFrom() != 0) {
            adopted.holders.add(ref.end(), ProcessIdentity.self()); // before the in-transit one goes: never unheld
            adopted.holders.removeInTransit(ref.end(), ref.inTransitFrom());
        } else if (!adopted.holders.holds(ref.end(), ProcessIdentity.self())) {
            adopted.holders.add(ref.end(), ProcessIdentity.self());
        }
        return adopted;
    }

    /** The ring this end reads: for tests of this package, to see where a reader stands. */
    ByteRing incoming() {
        return incoming;
    }

    @Override
    public boolean readable() {
        return readable;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void acceptUpTo(int maxBytes) {
        if (readable) {
            incoming.setReaderMaxBytesVolatile(maxBytes);
        }
    }

    @Override
    public int acceptedUpTo() {
        return incoming.readerMaxBytesVolatile();
    }

    /** Sends one message; blocks while the ring is full. */
    @Override
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
    @Override
    public byte[] receive(int maxLength) throws IOException {
        return read(maxLength, false);
    }

    /**
     * Receives one message if one has begun to arrive, else returns null at once: the check and
     * the read are one step under the read lock, so concurrent receivers never both see one
     * message (poll-then-receive would race). A message larger than the ring is waited for whole.
     */
    @Override
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
    @Override
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
    @Override
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
     * Called when {@code child} has ended: unlinks the pipes sent to it, and those it made, whose
     * every holder has closed or died. A child that held an end to the last, and exited without
     * closing it, leaves no one else to unlink the segment; one it made and sent away stays while
     * someone holds it.
     */
    public static void reclaimAbandoned(ProcessIdentity child) {
        Set<String> names = new HashSet<>(SharedSegment.namesOf(child, KIND));
        Set<String> sent = SENT.remove(child.pid());
        if (sent != null) {
            names.addAll(sent);
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
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        outgoing.wakeAll();
        incoming.wakeAll();
        inUse.writeLock().lock();
        try {
            release.clean();
        } finally {
            inUse.writeLock().unlock();
        }
    }
}
