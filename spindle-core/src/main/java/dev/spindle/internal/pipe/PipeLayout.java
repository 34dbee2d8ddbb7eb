package dev.spindle.internal.pipe;

import dev.spindle.internal.shm.SegmentHeader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a pipe's shared segment (version 4). Two ends, each with a table of the
 * processes that hold it; two byte rings, ring {@code e} carrying what end {@code e} sends.
 *
 * <pre>
 * 0     SegmentHeader magic 'SPIP', version
 * 8     int duplex | int ringCapacity
 * 64    holders of end 0: 32 slots of { long holder | int refs | int unused }   (512 bytes)
 *       holder: ProcessIdentity.word(), with CLAIMING (bit 31) set while being filled and
 *       IN_TRANSIT (bit 30) set for an end its sender holds for a reader not known yet; 0 = free
 * 576   holders of end 1
 * 1152  ring 0 (end 0 → end 1): ring header (512 bytes), then ringCapacity bytes of data
 * ...   ring 1 (end 1 → end 0)
 *
 * ring header, each hot word on its own 64-byte line:
 * +0    long tail          bytes ever written; stored by the writer
 * +64   long head          bytes ever read; stored by the reader
 * +128  int  dataSeq       futex word readers sleep on; bumped when tail moves or the
 *                          sending end loses its last holder
 * +132  int  readerWaiting nonzero while a reader may be asleep on dataSeq
 * +192  int  spaceSeq      futex word writers sleep on; bumped when head moves or the
 *                          receiving end loses its last holder
 * +196  int  writerWaiting
 * +256  long writeLock     a RobustMutex word (MutexLayout): one writer at a time
 * +264  long writeStart    where the message being written begins
 * +272  long writeEnd      where it ends; tail == writeEnd once it is whole
 * +320  long readLock      a RobustMutex word: one reader at a time
 * +328  long readStart     where the message being read begins
 * +336  long readEnd       where it ends
 * +384  int  readerMaxBytes the largest message the receiving end accepts (its ReadLimits), so
 *                          a longer one fails at the sender instead of being dropped by the reader
 * +388  int  damage        0, or why the ring is broken: set once by the first process that finds
 *                          bytes no writer put there; every later call on either end then fails
 * +512  data
 * </pre>
 * A message is {@code [int length][length bytes][byte 1]}, written whole under writeLock and read
 * whole under readLock, so messages of concurrent senders never interleave. Its header is never
 * published in parts. A writer that finds {@code tail != writeEnd} on taking the lock (the last
 * writer died mid-message) completes the torn message with filler and a last byte of 0, which
 * readers drop; a reader that finds {@code readStart < head < readEnd} (the last reader died in
 * the middle of a message larger than the ring) skips the rest of it.
 *
 * <p>Each accessor's name says its memory mode. The positions are stored volatile (sequentially
 * consistent) and the waiting counts read after them, while a waiter counts itself before it
 * re-reads the position: one of the two always sees the other (no lost wake-up). A message's
 * bounds are stored with release, in program order with the stores before them. The data is
 * plain: the volatile store of the position after it publishes it. The holder slots and the
 * other words are volatile.
 */
final class PipeLayout {
    static final long DUPLEX = 8;
    static final long CAPACITY = 12;

    static final int HOLDER_SLOTS = 32;
    static final long SLOT_SIZE = 16;
    static final long SLOT_HOLDER = 0;
    static final long SLOT_REFS = 8;
    private static final long HOLDERS_OFFSET = 64;

    static final long RINGS_OFFSET = HOLDERS_OFFSET + 2 * HOLDER_SLOTS * SLOT_SIZE;
    /** Its size is the part before the rings, which every pipe's segment holds ({@link #segmentSize}). */
    static final SegmentHeader HEADER = new SegmentHeader("pipe", "pipe", 0x53504950, 4, RINGS_OFFSET);
    static final long RING_HEADER = 512;
    static final long TAIL = 0;
    static final long HEAD = 64;
    static final long DATA_SEQ = 128;
    static final long READER_WAITING = 132;
    static final long SPACE_SEQ = 192;
    static final long WRITER_WAITING = 196;
    static final long WRITE_LOCK = 256;
    static final long WRITE_START = 264;
    static final long WRITE_END = 272;
    static final long READ_LOCK = 320;
    static final long READ_START = 328;
    static final long READ_END = 336;
    static final long READER_MAX_BYTES = 384;
    static final long DAMAGE = 388;
    /** The last byte of a message written whole. */
    static final byte WHOLE = 1;
    /** The last byte of a message completed by a repair after its writer died. */
    static final byte TORN = 0;
    /** Bytes around a message's payload: the length before it and the last byte after it. */
    static final int FRAMING = 5;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private PipeLayout() {}

    static long segmentSize(int ringCapacity) {
        return RINGS_OFFSET + 2 * (RING_HEADER + ringCapacity);
    }

    private static long slotOffset(int end, int slot) {
        return HOLDERS_OFFSET + (end * HOLDER_SLOTS + slot) * SLOT_SIZE;
    }

    private static long ringOffset(int ring, int ringCapacity) {
        return RINGS_OFFSET + ring * (RING_HEADER + ringCapacity);
    }

    /** The header of ring {@code ring}: the offsets below {@link #RING_HEADER} are within it. */
    static MemorySegment ringHeader(MemorySegment memory, int ring, int ringCapacity) {
        return memory.asSlice(ringOffset(ring, ringCapacity), RING_HEADER);
    }

    /** The data of ring {@code ring}: {@code ringCapacity} bytes, positions taken modulo it. */
    static MemorySegment ringData(MemorySegment memory, int ring, int ringCapacity) {
        return memory.asSlice(ringOffset(ring, ringCapacity) + RING_HEADER, ringCapacity);
    }

    /** Writes the header of a new segment, the SegmentHeader last: a segment that has one has its rings' capacity. */
    static void initialize(MemorySegment memory, boolean duplex, int ringCapacity, int readerMaxBytes) {
        for (int ring = 0; ring < 2; ring++) {
            setReaderMaxBytesVolatile(ringHeader(memory, ring, ringCapacity), readerMaxBytes);
        }
        INT.setVolatile(memory, DUPLEX, duplex ? 1 : 0);
        INT.setVolatile(memory, CAPACITY, ringCapacity);
        HEADER.write(memory);
    }

    static int capacityVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, CAPACITY);
    }

    // ---- holder slots ----

    static long holderVolatile(MemorySegment memory, int end, int slot) {
        return (long) LONG.getVolatile(memory, slotOffset(end, slot) + SLOT_HOLDER);
    }

    static void setHolderVolatile(MemorySegment memory, int end, int slot, long holder) {
        LONG.setVolatile(memory, slotOffset(end, slot) + SLOT_HOLDER, holder);
    }

    static boolean casHolderVolatile(MemorySegment memory, int end, int slot, long expected, long holder) {
        return LONG.compareAndSet(memory, slotOffset(end, slot) + SLOT_HOLDER, expected, holder);
    }

    static int refsVolatile(MemorySegment memory, int end, int slot) {
        return (int) INT.getVolatile(memory, slotOffset(end, slot) + SLOT_REFS);
    }

    static void setRefsVolatile(MemorySegment memory, int end, int slot, int refs) {
        INT.setVolatile(memory, slotOffset(end, slot) + SLOT_REFS, refs);
    }

    static boolean casRefsVolatile(MemorySegment memory, int end, int slot, int expected, int refs) {
        return INT.compareAndSet(memory, slotOffset(end, slot) + SLOT_REFS, expected, refs);
    }

    /** Adds {@code delta} to a slot's count; returns the count before. */
    static int addRefsVolatile(MemorySegment memory, int end, int slot, int delta) {
        return (int) INT.getAndAdd(memory, slotOffset(end, slot) + SLOT_REFS, delta);
    }

    // ---- a ring's header (ringHeader) ----

    static long tailVolatile(MemorySegment header) {
        return (long) LONG.getVolatile(header, TAIL);
    }

    static void setTailVolatile(MemorySegment header, long tail) {
        LONG.setVolatile(header, TAIL, tail);
    }

    static long headVolatile(MemorySegment header) {
        return (long) LONG.getVolatile(header, HEAD);
    }

    static void setHeadVolatile(MemorySegment header, long head) {
        LONG.setVolatile(header, HEAD, head);
    }

    static int dataSeqVolatile(MemorySegment header) {
        return (int) INT.getVolatile(header, DATA_SEQ);
    }

    static void bumpDataSeqVolatile(MemorySegment header) {
        INT.getAndAdd(header, DATA_SEQ, 1);
    }

    static int readerWaitingVolatile(MemorySegment header) {
        return (int) INT.getVolatile(header, READER_WAITING);
    }

    static void addReaderWaitingVolatile(MemorySegment header, int delta) {
        INT.getAndAdd(header, READER_WAITING, delta);
    }

    static int spaceSeqVolatile(MemorySegment header) {
        return (int) INT.getVolatile(header, SPACE_SEQ);
    }

    static void bumpSpaceSeqVolatile(MemorySegment header) {
        INT.getAndAdd(header, SPACE_SEQ, 1);
    }

    static int writerWaitingVolatile(MemorySegment header) {
        return (int) INT.getVolatile(header, WRITER_WAITING);
    }

    static void addWriterWaitingVolatile(MemorySegment header, int delta) {
        INT.getAndAdd(header, WRITER_WAITING, delta);
    }

    static long writeStartVolatile(MemorySegment header) {
        return (long) LONG.getVolatile(header, WRITE_START);
    }

    static void setWriteStartRelease(MemorySegment header, long start) {
        LONG.setRelease(header, WRITE_START, start);
    }

    static long writeEndVolatile(MemorySegment header) {
        return (long) LONG.getVolatile(header, WRITE_END);
    }

    static void setWriteEndRelease(MemorySegment header, long end) {
        LONG.setRelease(header, WRITE_END, end);
    }

    static long readStartVolatile(MemorySegment header) {
        return (long) LONG.getVolatile(header, READ_START);
    }

    static void setReadStartRelease(MemorySegment header, long start) {
        LONG.setRelease(header, READ_START, start);
    }

    static long readEndVolatile(MemorySegment header) {
        return (long) LONG.getVolatile(header, READ_END);
    }

    static void setReadEndRelease(MemorySegment header, long end) {
        LONG.setRelease(header, READ_END, end);
    }

    static int readerMaxBytesVolatile(MemorySegment header) {
        return (int) INT.getVolatile(header, READER_MAX_BYTES);
    }

    static void setReaderMaxBytesVolatile(MemorySegment header, int maxBytes) {
        INT.setVolatile(header, READER_MAX_BYTES, maxBytes);
    }
}
