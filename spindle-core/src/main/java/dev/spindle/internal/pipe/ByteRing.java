package dev.spindle.internal.pipe;

import dev.spindle.internal.nativeio.AdaptiveSpin;
import dev.spindle.multiprocessing.BrokenPipeException;
import dev.spindle.internal.nativeio.Futex;
import dev.spindle.internal.shm.DamageWord;
import dev.spindle.internal.shm.RobustMutex;
import dev.spindle.internal.transport.MessageTooLongException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One direction of a pipe: a byte ring in shared memory with one writer and one reader at a
 * time, each under its {@link RobustMutex}. Positions only grow; the index into the data is
 * {@code position & (capacity - 1)}.
 *
 * <p>Deaths ({@link PipeLayout}): the writer records where each message begins and ends before
 * writing it; whoever next takes the write lock and finds the last message unfinished completes
 * it with filler and a {@link PipeLayout#TORN} last byte, and readers drop such messages. A
 * reader waiting in the middle of a message does the same once it finds the writer dead, a step
 * at a time (it cannot wait for space it must free itself). A reader publishes its progress in
 * the middle of a message only for messages larger than the ring, so one killed mid-read
 * leaves a smaller message to the next reader whole; of a larger one, the next reader skips
 * the rest.
 *
 * <p>Blocking: a waiter first spins briefly, then sleeps on the ring's sequence word in slices of
 * {@link #SLICE_NANOS}. A reader spins only while spinning pays ({@link AdaptiveSpin}: not after
 * a long wait, such as for a pool's worker on a slow task). Between slices it checks whether the process at the other end has died without closing,
 * and whether it was interrupted or its handle closed.
 *
 * <p>Ordering: positions are stored with volatile (sequentially consistent) writes and the
 * waiting counters are read after them, while a waiter registers in the counter before it
 * re-reads the position: one of the two always sees the other (no lost wake-up). The futex call
 * itself re-checks the sequence word.
 */
final class ByteRing {
    private static final long SPIN_NANOS = AdaptiveSpin.SPIN_NANOS;
    static final long SLICE_NANOS = 50_000_000;
    /** A deadline that never passes. */
    static final long FOREVER = Long.MAX_VALUE;
    private static final int WAKE_ALL = Integer.MAX_VALUE;

    /** What a waiter needs to know about the world outside the ring. */
    interface Watch {
        /** True once the process(es) at the other end can no longer act on this ring. */
        boolean otherEndGone(boolean checkLiveness);

        /** Throws if this handle was closed while waiting. */
        void checkOpen() throws IOException;
    }

    /** Why a ring is broken, as its damage word records it. */
    enum Damage {
        POSITION("its read or write position is outside the ring"),
        LENGTH("a message announces a negative length"),
        UNWRITTEN("a message runs past what any sender wrote"),
        END("a message does not end as messages end");

        final String reason;

        Damage(String reason) {
            this.reason = reason;
        }
    }

    private static final String[] DAMAGE_REASONS = java.util.Arrays.stream(Damage.values()).map(d -> d.reason)
            .toArray(String[]::new);

    private final String name;
    private final DamageWord damage;
    /** The ring's header words ({@link PipeLayout#ringHeader}). */
    private final MemorySegment words;
    /** The ring's bytes, positions taken modulo the capacity. */
    private final MemorySegment data;
    private final int capacity;
    private final RobustMutex writeLock;
    private final RobustMutex readLock;
    /**
     * The reader's head as this process's writers last read it (used under the write lock): a
     * lower bound, as head only grows, so the free space it shows is never too much. Reading
     * the shared head only when this shows too little spares each message a cache line the
     * reader has just written.
     */
    private long headSeen;
    /** How this process's readers spin (used under the read lock). */
    private final AdaptiveSpin readerSpin = new AdaptiveSpin();

    /** Ring {@code ring} of the pipe segment {@code memory}, of {@code capacity} bytes. */
    ByteRing(String name, MemorySegment memory, int ring, int capacity) {
        this.name = name;
        this.words = PipeLayout.ringHeader(memory, ring, capacity);
        this.data = PipeLayout.ringData(memory, ring, capacity);
        this.damage = new DamageWord(words, PipeLayout.DAMAGE, DAMAGE_REASONS);
        this.capacity = capacity;
        this.writeLock = new RobustMutex(words, PipeLayout.WRITE_LOCK);
        this.readLock = new RobustMutex(words, PipeLayout.READ_LOCK);
    }

    private long tail() {
        return PipeLayout.tailVolatile(words);
    }

    /** Bytes ever read: the position of the next byte to read. */
    long head() {
        return PipeLayout.headVolatile(words);
    }

    /** Bytes ready to read. */
    long available() {
        return tail() - head();
    }

    /**
     * For tests of this package, as a stray write would: puts {@code bytes} where the next message
     * would go and moves the tail to {@code tail() + tailMove}, touching nothing else.
     */
    void strayWrite(byte[] bytes, long tailMove) {
        long tail = tail();
        for (int i = 0; i < bytes.length; i++) {
            data.set(ValueLayout.JAVA_BYTE, (tail + i) & (capacity - 1), bytes[i]);
        }
        publishTail(tail + tailMove);
    }

    /** Where the message being read (or last read) begins: for tests of this package. */
    long readStart() {
        return PipeLayout.readStartVolatile(words);
    }

    /** The largest message the receiving end accepts, as it last said. */
    int readerMaxBytesVolatile() {
        return PipeLayout.readerMaxBytesVolatile(words);
    }

    void setReaderMaxBytesVolatile(int maxBytes) {
        PipeLayout.setReaderMaxBytesVolatile(words, maxBytes);
    }

    /** Free bytes beyond {@code tail}, re-reading the head only when the last sight of it shows fewer than {@code wanted}. */
    private long free(long tail, long wanted) throws BrokenPipeException {
        long free = capacity - (tail - headSeen);
        if (free < wanted) {
            headSeen = head();
            free = checkedSpan(capacity - (tail - headSeen));
        }
        return free;
    }

    /** {@code span} (bytes ready, or free), checked to fit the ring: positions a writer or reader put there always do. */
    private long checkedSpan(long span) throws BrokenPipeException {
        if (span < 0 || span > capacity) {
            throw broken(Damage.POSITION);
        }
        return span;
    }

    /**
     * Marks the ring broken for every process (the first finding wins), wakes whoever sleeps on
     * it, and returns the exception to throw.
     */
    BrokenPipeException broken(Damage found) {
        damage.mark(found.ordinal());
        wakeAll();
        return brokenException();
    }

    /** Throws if the ring was found broken, here or in any other process. */
    void checkNotBroken() throws BrokenPipeException {
        if (damage.isMarked()) {
            throw brokenException();
        }
    }

    private BrokenPipeException brokenException() {
        return new BrokenPipeException("the pipe " + name + " is broken: " + damage.reason()
                + " (a process wrote bytes that are not Spindle's into its shared memory); every call on it fails"
                + " from now on: open a new pipe");
    }

    /**
     * True if the writer is writing the message the reader is in the middle of: the only way a
     * reader waits for more of a message. A writer records a message's bounds before it
     * publishes any of it, and changes them only once it is whole.
     */
    private boolean writerIsWritingTheMessageBeingRead() {
        return PipeLayout.writeStartVolatile(words) == PipeLayout.readStartVolatile(words)
                && PipeLayout.writeEndVolatile(words) == PipeLayout.readEndVolatile(words);
    }

    private static void lock(RobustMutex mutex) throws InterruptedIOException {
        try {
            mutex.lock();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while waiting for the pipe");
        }
    }

    // ---- writer side ----

    /** Sends one message, whole, under the write lock; blocks while the ring is full. */
    void send(byte[] src, int offset, int length, Watch reader) throws IOException {
        int limit = readerMaxBytesVolatile();
        if (length > limit) {
            throw new MessageTooLongException(length, limit);
        }
        checkNotBroken();
        lock(writeLock);
        try {
            long tail = tail();
            if (tail != PipeLayout.writeEndVolatile(words)) {
                tail = completeTorn(tail, reader); // the last writer died mid-message
            }
            writeMessage(src, offset, length, tail, reader);
        } finally {
            writeLock.unlock();
        }
    }

    private static final byte[] WHOLE = {PipeLayout.WHOLE};

    private void writeMessage(byte[] src, int offset, int length, long tail, Watch reader) throws IOException {
        PipeLayout.setWriteStartRelease(words, tail);
        PipeLayout.setWriteEndRelease(words, tail + PipeLayout.FRAMING + length);
        while (free(tail, 4) < 4) {
            awaitSpace(tail, 4, reader); // the header is never published in parts
        }
        byte[] header = {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        tail = put(header, 0, 4, tail, reader);
        tail = put(src, offset, length, tail, reader);
        tail = put(WHOLE, 0, 1, tail, reader);
        publishTail(tail);
    }

    /**
     * Completes the message a dead writer left unfinished, holding the write lock: filler up to
     * its end, then a {@link PipeLayout#TORN} last byte. Waits for space only with a
     * {@code reader} to watch; without one it stops when the ring is full (the caller is the
     * reader, and frees the space itself before trying again). Returns the new tail.
     */
    private long completeTorn(long tail, Watch reader) throws IOException {
        long end = PipeLayout.writeEndVolatile(words);
        if (tail == PipeLayout.writeStartVolatile(words)) {
            PipeLayout.setWriteEndRelease(words, tail); // none of it was published: no reader saw it
            return tail;
        }
        while (tail < end) {
            long free = free(tail, end - tail);
            if (free == 0) {
                publishTail(tail);
                if (reader == null) {
                    return tail;
                }
                awaitSpace(tail, 1, reader);
                continue;
            }
            long fill = Math.min(free, end - tail);
            tail += fill;
            if (tail == end) {
                data.set(ValueLayout.JAVA_BYTE, (tail - 1) & (capacity - 1), PipeLayout.TORN);
            }
        }
        publishTail(tail);
        return tail;
    }

    /** As a reader waiting mid-message: if the writer died with the message unfinished, completes it. */
    private void completeIfWriterDied() throws IOException {
        if (tail() == PipeLayout.writeEndVolatile(words) || writeLock.tryLockIfFreeOrOrphaned() == null) {
            return;
        }
        try {
            long tail = tail();
            if (tail != PipeLayout.writeEndVolatile(words)) {
                completeTorn(tail, null);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private long put(byte[] src, int offset, int length, long tail, Watch reader) throws IOException {
        while (length > 0) {
            if (reader.otherEndGone(false)) {
                throw new IOException("broken pipe: the receiving end is closed");
            }
            long free = free(tail, length);
            if (free == 0) {
                publishTail(tail);
                awaitSpace(tail, 1, reader);
                continue;
            }
            int n = (int) Math.min(length, free);
            int index = (int) (tail & (capacity - 1));
            int first = Math.min(n, capacity - index);
            MemorySegment.copy(src, offset, data, ValueLayout.JAVA_BYTE, index, first);
            if (n > first) {
                MemorySegment.copy(src, offset + first, data, ValueLayout.JAVA_BYTE, 0, n - first);
            }
            tail += n;
            offset += n;
            length -= n;
        }
        return tail;
    }

    private void publishTail(long tail) {
        PipeLayout.setTailVolatile(words, tail);
        PipeLayout.bumpDataSeqVolatile(words);
        if (PipeLayout.readerWaitingVolatile(words) != 0) {
            Futex.wake(words, PipeLayout.DATA_SEQ, WAKE_ALL);
        }
    }

    /** Waits until {@code needed} bytes are free beyond {@code tail}. */
    private void awaitSpace(long tail, int needed, Watch reader) throws IOException {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (checkedSpan(capacity - (tail - head())) < needed) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            int seq = PipeLayout.spaceSeqVolatile(words);
            PipeLayout.addWriterWaitingVolatile(words, 1);
            try {
                if (capacity - (tail - head()) >= needed) {
                    return;
                }
                Futex.await(words, PipeLayout.SPACE_SEQ, seq, SLICE_NANOS);
            } finally {
                PipeLayout.addWriterWaitingVolatile(words, -1);
            }
            checkWaiter(reader);
            checkNotBroken();
            if (reader.otherEndGone(true)) {
                throw new IOException("broken pipe: the receiving end is closed");
            }
        }
    }

    // ---- reader side ----

    /**
     * Receives one whole message under the read lock, blocking until it is there; EOFException if
     * none will come. With {@code onlyIfArrived}, returns null at once if none has begun to arrive.
     * Messages a dead writer left torn are dropped.
     */
    byte[] receive(int maxLength, Watch writer, boolean onlyIfArrived) throws IOException {
        checkNotBroken();
        lock(readLock);
        try {
            while (true) {
                long head = head();
                long readEnd = PipeLayout.readEndVolatile(words);
                if (head != readEnd && head > PipeLayout.readStartVolatile(words)) {
                    head = skipTo(readEnd, head, writer); // a reader left in the middle of a large message
                }
                if (onlyIfArrived && checkedSpan(tail() - head) == 0) {
                    return null;
                }
                byte[] message = readMessage(head, maxLength, writer);
                if (message != null) {
                    return message;
                }
            }
        } finally {
            readLock.unlock();
        }
    }

    /** Reads the message at {@code start}; null if it is a torn one. */
    private byte[] readMessage(long start, int maxLength, Watch writer) throws IOException {
        byte[] header = new byte[4];
        long head = take(header, 0, 4, start, writer, true, false);
        int length = ((header[0] & 0xFF) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length < 0) {
            throw broken(Damage.LENGTH);
        }
        long end = start + PipeLayout.FRAMING + length;
        PipeLayout.setReadStartRelease(words, start);
        PipeLayout.setReadEndRelease(words, end);
        if (length > maxLength) {
            skipTo(end, head, writer);
            throw new MessageTooLongException(length, maxLength);
        }
        boolean larger = end - start > capacity; // only then does the writer need space it holds
        byte[] message = new byte[length];
        head = take(message, 0, length, head, writer, false, larger);
        head = take(header, 0, 1, head, writer, false, larger);
        publishHead(head);
        return switch (header[0]) {
            case PipeLayout.WHOLE -> message;
            case PipeLayout.TORN -> null;
            default -> throw broken(Damage.END);
        };
    }

    private long skipTo(long end, long head, Watch writer) throws IOException {
        byte[] sink = new byte[(int) Math.min(end - head, 1 << 16)];
        while (head < end) {
            head = take(sink, 0, (int) Math.min(end - head, sink.length), head, writer, false, true);
        }
        publishHead(head);
        return head;
    }

    private long take(byte[] dst, int offset, int length, long head, Watch writer, boolean atMessageStart,
            boolean publishWhileWaiting) throws IOException {
        while (length > 0) {
            long ready = checkedSpan(tail() - head);
            if (ready == 0) {
                if (publishWhileWaiting) {
                    publishHead(head);
                }
                awaitData(head, FOREVER, writer, atMessageStart && offset == 0);
                continue;
            }
            int n = (int) Math.min(length, ready);
            int index = (int) (head & (capacity - 1));
            int first = Math.min(n, capacity - index);
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, index, dst, offset, first);
            if (n > first) {
                MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, dst, offset + first, n - first);
            }
            head += n;
            offset += n;
            length -= n;
        }
        return head;
    }

    private void publishHead(long head) {
        if (head == head()) {
            return;
        }
        PipeLayout.setHeadVolatile(words, head);
        PipeLayout.bumpSpaceSeqVolatile(words);
        if (PipeLayout.writerWaitingVolatile(words) != 0) {
            Futex.wake(words, PipeLayout.SPACE_SEQ, WAKE_ALL);
        }
    }

    /**
     * Waits until a byte beyond {@code head} is readable, or the writing end is gone, or the
     * deadline ({@link System#nanoTime()} based, or {@link #FOREVER}) passes. Returns true if data
     * is ready. With {@code atMessageStart}, a gone writer with nothing left to read is a clean
     * EOF; mid-message it is a truncated message, and a dead writer's torn message is completed.
     */
    boolean awaitData(long head, long deadline, Watch writer, boolean atMessageStart) throws IOException {
        checkNotBroken();
        if (checkedSpan(tail() - head) != 0) {
            return true;
        }
        if (!atMessageStart && !writerIsWritingTheMessageBeingRead()) {
            // The writer may have finished this message and begun the next between the read of
            // the tail above and this one of its markers; it published this message's bytes
            // before it moved its markers, so a fresh look at the tail finds them.
            if (checkedSpan(tail() - head) != 0) {
                return true;
            }
            throw broken(Damage.UNWRITTEN); // no sender will ever write the rest
        }
        long start = System.nanoTime();
        try {
            return awaitData(head, start, deadline, writer, atMessageStart);
        } finally {
            readerSpin.waited(System.nanoTime() - start);
        }
    }

    private boolean awaitData(long head, long start, long deadline, Watch writer, boolean atMessageStart) throws IOException {
        long spin = readerSpin.spinNanos();
        long spinUntil = deadline == FOREVER ? start + spin : Math.min(start + spin, deadline);
        int spins = 0;
        while (tail() - head == 0) {
            if ((++spins & 63) == 0 && writer.otherEndGone(false)) {
                return gone(head, atMessageStart);
            }
            long now = System.nanoTime();
            if (now - spinUntil < 0) {
                Thread.onSpinWait();
                continue;
            }
            if (deadline != FOREVER && now - deadline >= 0) {
                return writer.otherEndGone(true) && gone(head, atMessageStart);
            }
            int seq = PipeLayout.dataSeqVolatile(words);
            PipeLayout.addReaderWaitingVolatile(words, 1);
            try {
                if (tail() - head != 0) {
                    return true;
                }
                if (writer.otherEndGone(false)) {
                    return gone(head, atMessageStart);
                }
                Futex.await(words, PipeLayout.DATA_SEQ, seq,
                        deadline == FOREVER ? SLICE_NANOS : Math.min(SLICE_NANOS, deadline - now));
            } finally {
                PipeLayout.addReaderWaitingVolatile(words, -1);
            }
            checkWaiter(writer);
            checkNotBroken();
            if (tail() - head == 0 && !atMessageStart) {
                completeIfWriterDied();
            }
            if (tail() - head == 0 && writer.otherEndGone(true)) {
                return gone(head, atMessageStart);
            }
        }
        return true;
    }

    private boolean gone(long head, boolean atMessageStart) throws EOFException {
        if (tail() - head != 0) {
            return true; // the last data arrived just before the end closed
        }
        throw new EOFException(atMessageStart ? "the other end of the pipe is closed"
                : "the other end closed in the middle of a message");
    }

    private static void checkWaiter(Watch watch) throws IOException {
        watch.checkOpen();
        if (Thread.interrupted()) {
            throw new InterruptedIOException("interrupted while waiting on a pipe");
        }
    }

    /** Wakes every process and thread sleeping on this ring, to re-check its state. */
    void wakeAll() {
        PipeLayout.bumpDataSeqVolatile(words);
        PipeLayout.bumpSpaceSeqVolatile(words);
        Futex.wake(words, PipeLayout.DATA_SEQ, WAKE_ALL);
        Futex.wake(words, PipeLayout.SPACE_SEQ, WAKE_ALL);
    }
}
