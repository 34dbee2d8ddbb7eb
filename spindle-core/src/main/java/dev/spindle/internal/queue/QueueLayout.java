package dev.spindle.internal.queue;

import dev.spindle.internal.shm.SegmentHeader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process queue's segment (version 1): a ring of items, one put side and
 * one get side, each under its own robust mutex, so producers and consumers do not contend with
 * each other.
 *
 * <pre>
 * 0    SegmentHeader  magic 'SQUE', version
 * 8    int  capacity      bytes of the ring, a power of two
 * 12   int  maxsize       most items held; 0 = no limit
 * 16   int  maxItemBytes  the largest encoded item accepted
 * 64   long putLock       RobustMutex word: one putter at a time
 * 72   long tail          bytes ever put; stored last by a put (its commit)
 * 80   long puts          items ever put
 * 88   long pendingTail   the tail a put in progress commits
 * 96   long pendingPuts   puts once it has committed; 0 when no put is in progress
 * 192  long getLock       RobustMutex word: one getter at a time
 * 200  long head          bytes ever taken; stored last by a get (its commit)
 * 208  long gets          items ever taken
 * 216  long pendingHead
 * 224  long pendingGets   as pendingPuts, for a get in progress
 * 320  int  dataSeq       futex word getters sleep on: bumped by each put
 * 324  int  getWaiting    nonzero while a getter may be asleep
 * 384  int  spaceSeq      futex word putters sleep on: bumped by each get
 * 388  int  putWaiting
 * 448  long done          tasks marked done (JoinableQueue); unfinished = puts - done
 * 456  int  joinSeq       futex word joiners sleep on: bumped when done reaches puts
 * 460  int  joinWaiting
 * 512  ring
 * </pre>
 * An item in the ring is {@code [int length][int kind]} and its bytes, padded to 8, so that an
 * item header never wraps. A put writes the item beyond the tail, records {@code pendingTail}
 * and then {@code pendingPuts}, counts the item in {@code puts}, stores the tail (the commit) and
 * clears {@code pendingPuts}; a get does the same on its side. Until the commit no other process
 * sees the item (or, for a get, its removal), so a process killed in the middle of either leaves
 * the ring whole. Whoever next takes that side's lock and finds a pending operation sets the
 * count to what the commit decided ({@code pendingPuts} if the tail reached {@code pendingTail},
 * else one less), so counts stay exact across deaths.
 *
 * <p>Every access to these words is volatile (sequentially consistent). A waker bumps the
 * sequence word and then reads the waiting count, and a waiter counts itself before it re-reads
 * the state, so one of the two sees the other (no lost wake-up); the futex call re-checks the
 * sequence word.
 */
final class QueueLayout {
    static final long CAPACITY = 8;
    static final long MAXSIZE = 12;
    static final long MAX_ITEM_BYTES = 16;
    static final long PUT_LOCK = 64;
    static final long TAIL = 72;
    static final long PUTS = 80;
    static final long PENDING_TAIL = 88;
    static final long PENDING_PUTS = 96;
    static final long GET_LOCK = 192;
    static final long HEAD = 200;
    static final long GETS = 208;
    static final long PENDING_HEAD = 216;
    static final long PENDING_GETS = 224;
    static final long DATA_SEQ = 320;
    static final long GET_WAITING = 324;
    static final long SPACE_SEQ = 384;
    static final long PUT_WAITING = 388;
    static final long DONE = 448;
    static final long JOIN_SEQ = 456;
    static final long JOIN_WAITING = 460;
    static final long RING = 512;
    /** Bytes before each item's own: its length and its kind. */
    static final int ITEM_HEADER = 8;

    /** The header of a plain queue's segment. */
    static final SegmentHeader QUEUE = new SegmentHeader("queue", "Queue", 0x53515545, 1, RING);
    /** The header of a joinable queue's segment: the same layout, another kind. */
    static final SegmentHeader JOINABLE = new SegmentHeader("jqueue", "JoinableQueue", 0x534A5155, 1, RING);
    /** The header of a simple queue's segment. */
    static final SegmentHeader SIMPLE = new SegmentHeader("squeue", "SimpleQueue", 0x53535155, 1, RING);

    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private QueueLayout() {}

    static void initialize(MemorySegment memory, int capacity, int maxsize, int maxItemBytes) {
        INT.setVolatile(memory, CAPACITY, capacity);
        INT.setVolatile(memory, MAXSIZE, maxsize);
        INT.setVolatile(memory, MAX_ITEM_BYTES, maxItemBytes);
    }

    /** The bytes an item of {@code length} takes in the ring. */
    static long footprint(int length) {
        return ITEM_HEADER + ((length + 7L) & ~7L);
    }

    static int intAt(MemorySegment memory, long offset) {
        return (int) INT.getVolatile(memory, offset);
    }

    static long longAt(MemorySegment memory, long offset) {
        return (long) LONG.getVolatile(memory, offset);
    }

    static void setLong(MemorySegment memory, long offset, long value) {
        LONG.setVolatile(memory, offset, value);
    }
}
