package dev.spindle.internal.pipe;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a pipe's shared segment (version 4). Two ends, each with a table of the
 * processes that hold it; two byte rings, ring {@code e} carrying what end {@code e} sends.
 *
 * <pre>
 * 0     header   int magic 'SPIP' | int version | int duplex | int ringCapacity
 * 64    holders of end 0: 32 slots of { long holder | int refs | int unused }   (512 bytes)
 *       holder: ProcessIdentity.word(), with CLAIMING (bit 31) set while being filled and
 *       IN_TRANSIT (bit 30) set for an end its sender holds for a reader not known yet; 0 = free
 * 576   holders of end 1
 * 1152  ring 0 (end 0 → end 1): ring header (512 bytes), then ringCapacity bytes of data
 * ...   ring 1 (end 1 → end 0)
 *
 * ring header, each hot word on its own 64-byte line:
 * +0    long tail          bytes ever written; the writer stores it with release
 * +64   long head          bytes ever read; the reader stores it with release
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
 */
final class PipeLayout {
    static final int MAGIC = 0x53504950;
    static final int VERSION = 4;

    static final long MAGIC_OFFSET = 0;
    static final long VERSION_OFFSET = 4;
    static final long DUPLEX_OFFSET = 8;
    static final long CAPACITY_OFFSET = 12;

    static final int HOLDER_SLOTS = 32;
    static final long SLOT_SIZE = 16;
    static final long SLOT_HOLDER = 0;
    static final long SLOT_REFS = 8;
    private static final long HOLDERS_OFFSET = 64;

    static final long RINGS_OFFSET = HOLDERS_OFFSET + 2 * HOLDER_SLOTS * SLOT_SIZE;
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

    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private PipeLayout() {}

    static long segmentSize(int ringCapacity) {
        return RINGS_OFFSET + 2 * (RING_HEADER + ringCapacity);
    }

    static long slotOffset(int end, int slot) {
        return HOLDERS_OFFSET + (end * HOLDER_SLOTS + slot) * SLOT_SIZE;
    }

    static long ringOffset(int ring, int ringCapacity) {
        return RINGS_OFFSET + ring * (RING_HEADER + ringCapacity);
    }

    static void initialize(MemorySegment memory, boolean duplex, int ringCapacity, int readerMaxBytes) {
        for (int ring = 0; ring < 2; ring++) {
            INT.setVolatile(memory, ringOffset(ring, ringCapacity) + READER_MAX_BYTES, readerMaxBytes);
        }
        INT.setVolatile(memory, VERSION_OFFSET, VERSION);
        INT.setVolatile(memory, DUPLEX_OFFSET, duplex ? 1 : 0);
        INT.setVolatile(memory, CAPACITY_OFFSET, ringCapacity);
        INT.setVolatile(memory, MAGIC_OFFSET, MAGIC);
    }

    /** Checks the header of a segment mapped by name; returns its ring capacity. */
    static int validate(MemorySegment memory) {
        int magic = (int) INT.getVolatile(memory, MAGIC_OFFSET);
        int version = (int) INT.getVolatile(memory, VERSION_OFFSET);
        if (magic != MAGIC || version != VERSION) {
            throw new IllegalStateException("not a Spindle pipe segment (magic " + Integer.toHexString(magic)
                    + ", version " + version + ")");
        }
        return (int) INT.getVolatile(memory, CAPACITY_OFFSET);
    }

    static boolean duplex(MemorySegment memory) {
        return (int) INT.getVolatile(memory, DUPLEX_OFFSET) != 0;
    }
}
