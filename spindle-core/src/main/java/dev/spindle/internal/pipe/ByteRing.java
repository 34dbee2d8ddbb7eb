package dev.spindle.internal.pipe;

import static dev.spindle.internal.pipe.PipeLayout.INT;
import static dev.spindle.internal.pipe.PipeLayout.LONG;

import dev.spindle.internal.nativeio.Native;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One direction of a pipe: a byte ring in shared memory with one writer and one reader at a
 * time (callers hold the ring's {@link ProcessLock}s). Positions only grow; the index into the
 * data is {@code position & (capacity - 1)}.
 *
 * <p>Blocking: a waiter first spins briefly (a hand-off between spinning processes costs tens of
 * nanoseconds, a futex wake tens of microseconds), then sleeps on the ring's sequence word in
 * slices of {@link #SLICE_NANOS}. A reader spins only while spinning pays: once a wait lasted
 * {@link #LONG_WAIT_NANOS} (the writer is busy for long, a pool's worker on a slow task), the next
 * wait sleeps at once, leaving the CPU to the processes doing the work, until a wait is short
 * again. Between slices it checks whether the process at the other end has died without closing,
 * and whether it was interrupted or its handle closed.
 *
 * <p>Ordering: positions are stored with volatile (sequentially consistent) writes and the
 * waiting counters are read after them, while a waiter registers in the counter before it
 * re-reads the position: one of the two always sees the other (no lost wake-up). The futex call
 * itself re-checks the sequence word.
 */
final class ByteRing {
    private static final long SPIN_NANOS = 50_000;
    /**
     * A wait this long says the writer is busy for long stretches: the next wait sleeps at once.
     * Far above the spin, so that a futex wake-up (tens of microseconds, more on a busy VM) never
     * counts as long: two ends waking each other by futex would otherwise both stop spinning.
     */
    private static final long LONG_WAIT_NANOS = 1_000_000;
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

    private final MemorySegment memory;
    private final long base;
    private final long data;
    private final int capacity;
    private final long dataSeqAddress;
    private final long spaceSeqAddress;
    /** Whether this process's last wait for data was short (used under the read lock). */
    private boolean spinPays = true;

    ByteRing(MemorySegment memory, long base, int capacity) {
        this.memory = memory;
        this.base = base;
        this.data = base + PipeLayout.RING_HEADER;
        this.capacity = capacity;
        this.dataSeqAddress = memory.address() + base + PipeLayout.DATA_SEQ;
        this.spaceSeqAddress = memory.address() + base + PipeLayout.SPACE_SEQ;
    }

    private long tail() {
        return (long) LONG.getVolatile(memory, base + PipeLayout.TAIL);
    }

    /** Bytes ever read: the position of the next byte to read. */
    long head() {
        return (long) LONG.getVolatile(memory, base + PipeLayout.HEAD);
    }

    /** Bytes ready to read. */
    long available() {
        return tail() - head();
    }

    // ---- writer side (call holding the write lock) ----

    /** Writes one message: its length, then its bytes, and publishes it. */
    void writeMessage(byte[] src, int offset, int length, Watch reader) throws IOException {
        long tail = tail();
        byte[] header = {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        tail = put(header, 0, 4, tail, reader);
        tail = put(src, offset, length, tail, reader);
        publishTail(tail);
    }

    private long put(byte[] src, int offset, int length, long tail, Watch reader) throws IOException {
        while (length > 0) {
            if (reader.otherEndGone(false)) {
                throw new IOException("broken pipe: the receiving end is closed");
            }
            long free = capacity - (tail - head());
            if (free == 0) {
                publishTail(tail);
                awaitSpace(tail, reader);
                continue;
            }
            int n = (int) Math.min(length, free);
            int index = (int) (tail & (capacity - 1));
            int first = Math.min(n, capacity - index);
            MemorySegment.copy(src, offset, memory, ValueLayout.JAVA_BYTE, data + index, first);
            if (n > first) {
                MemorySegment.copy(src, offset + first, memory, ValueLayout.JAVA_BYTE, data, n - first);
            }
            tail += n;
            offset += n;
            length -= n;
        }
        return tail;
    }

    private void publishTail(long tail) {
        LONG.setVolatile(memory, base + PipeLayout.TAIL, tail);
        INT.getAndAdd(memory, base + PipeLayout.DATA_SEQ, 1);
        if ((int) INT.getVolatile(memory, base + PipeLayout.READER_WAITING) != 0) {
            Native.futexWake(dataSeqAddress, WAKE_ALL);
        }
    }

    private void awaitSpace(long tail, Watch reader) throws IOException {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (capacity - (tail - head()) == 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            int seq = (int) INT.getVolatile(memory, base + PipeLayout.SPACE_SEQ);
            INT.getAndAdd(memory, base + PipeLayout.WRITER_WAITING, 1);
            try {
                if (capacity - (tail - head()) != 0) {
                    return;
                }
                Native.futexWait(spaceSeqAddress, seq, SLICE_NANOS);
            } finally {
                INT.getAndAdd(memory, base + PipeLayout.WRITER_WAITING, -1);
            }
            checkWaiter(reader);
            if (reader.otherEndGone(true)) {
                throw new IOException("broken pipe: the receiving end is closed");
            }
        }
    }

    // ---- reader side (call holding the read lock) ----

    /** Reads one whole message, blocking until it is there; EOFException if none will come. */
    byte[] readMessage(int maxLength, Watch writer) throws IOException {
        long head = head();
        byte[] header = new byte[4];
        head = take(header, 0, 4, head, writer, true);
        int length = ((header[0] & 0xFF) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length < 0) {
            throw new IOException("corrupt pipe message length " + length);
        }
        if (length > maxLength) {
            skip(length, head, writer);
            throw new MessageTooLongException("message of " + length + " bytes is longer than maxLength " + maxLength);
        }
        byte[] message = new byte[length];
        publishHead(take(message, 0, length, head, writer, false));
        return message;
    }

    private void skip(int length, long head, Watch writer) throws IOException {
        byte[] sink = new byte[Math.min(length, 1 << 16)];
        while (length > 0) {
            int n = Math.min(length, sink.length);
            head = take(sink, 0, n, head, writer, false);
            length -= n;
        }
        publishHead(head);
    }

    private long take(byte[] dst, int offset, int length, long head, Watch writer, boolean atMessageStart) throws IOException {
        while (length > 0) {
            long ready = tail() - head;
            if (ready == 0) {
                publishHead(head);
                awaitData(head, FOREVER, writer, atMessageStart && offset == 0);
                continue;
            }
            int n = (int) Math.min(length, ready);
            int index = (int) (head & (capacity - 1));
            int first = Math.min(n, capacity - index);
            MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, data + index, dst, offset, first);
            if (n > first) {
                MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, data, dst, offset + first, n - first);
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
        LONG.setVolatile(memory, base + PipeLayout.HEAD, head);
        INT.getAndAdd(memory, base + PipeLayout.SPACE_SEQ, 1);
        if ((int) INT.getVolatile(memory, base + PipeLayout.WRITER_WAITING) != 0) {
            Native.futexWake(spaceSeqAddress, WAKE_ALL);
        }
    }

    /**
     * Waits until a byte beyond {@code head} is readable, or the writing end is gone, or the
     * deadline ({@link System#nanoTime()} based, or {@link #FOREVER}) passes. Returns true if data
     * is ready. With {@code eofIsClean}, a gone writer with
     * nothing left to read is a clean EOF; mid-message it is a truncated message.
     */
    boolean awaitData(long head, long deadline, Watch writer, boolean eofIsClean) throws IOException {
        if (tail() - head != 0) {
            return true;
        }
        long start = System.nanoTime();
        try {
            return awaitData(head, start, deadline, writer, eofIsClean);
        } finally {
            spinPays = System.nanoTime() - start < LONG_WAIT_NANOS;
        }
    }

    private boolean awaitData(long head, long start, long deadline, Watch writer, boolean eofIsClean) throws IOException {
        long spin = spinPays ? SPIN_NANOS : 0;
        long spinUntil = deadline == FOREVER ? start + spin : Math.min(start + spin, deadline);
        int spins = 0;
        while (tail() - head == 0) {
            if ((++spins & 63) == 0 && writer.otherEndGone(false)) {
                return gone(head, eofIsClean);
            }
            long now = System.nanoTime();
            if (now - spinUntil < 0) {
                Thread.onSpinWait();
                continue;
            }
            if (deadline != FOREVER && now - deadline >= 0) {
                return writer.otherEndGone(true) && gone(head, eofIsClean);
            }
            int seq = (int) INT.getVolatile(memory, base + PipeLayout.DATA_SEQ);
            INT.getAndAdd(memory, base + PipeLayout.READER_WAITING, 1);
            try {
                if (tail() - head != 0) {
                    return true;
                }
                if (writer.otherEndGone(false)) {
                    return gone(head, eofIsClean);
                }
                Native.futexWait(dataSeqAddress, seq, deadline == FOREVER ? SLICE_NANOS : Math.min(SLICE_NANOS, deadline - now));
            } finally {
                INT.getAndAdd(memory, base + PipeLayout.READER_WAITING, -1);
            }
            checkWaiter(writer);
            if (tail() - head == 0 && writer.otherEndGone(true)) {
                return gone(head, eofIsClean);
            }
        }
        return true;
    }

    private boolean gone(long head, boolean eofIsClean) throws EOFException {
        if (tail() - head != 0) {
            return true; // the last data arrived just before the end closed
        }
        throw new EOFException(eofIsClean ? "the other end of the pipe is closed"
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
        INT.getAndAdd(memory, base + PipeLayout.DATA_SEQ, 1);
        INT.getAndAdd(memory, base + PipeLayout.SPACE_SEQ, 1);
        Native.futexWake(dataSeqAddress, WAKE_ALL);
        Native.futexWake(spaceSeqAddress, WAKE_ALL);
    }
}
