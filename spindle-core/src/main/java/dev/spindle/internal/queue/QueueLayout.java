package dev.spindle.internal.queue;

import dev.spindle.internal.shm.SegmentHeader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process queue's segment (version 2): a ring of items and, when the ring
 * is full, an overflow of chunks beside the segment, so that a put waits only for {@code maxsize}
 * (an unbounded queue never blocks a producer, however far behind its consumers are); one put
 * side and one get side, each under its own robust mutex, so producers and consumers do not
 * contend with each other.
 *
 * <pre>
 * 0    SegmentHeader  magic 'SQUE', version
 * 8    int  capacity        bytes of the ring, a power of two; also the size of an overflow chunk
 * 12   int  maxsize         most items held; 0 = no limit
 * 16   int  maxItemBytes    the largest encoded item accepted
 * 20   int  damage          0, or why the queue is broken: set once by the first process that finds
 *                           what no put wrote; every later put, get and qsize then fails
 * 64   long putLock         RobustMutex word: one putter at a time
 * 72   long tail            bytes ever put into the ring; stored last by a ring put (its commit)
 * 80   long puts            items ever put
 * 88   long pendingTail     the tail a ring put in progress commits; -1 for an overflow put
 * 96   long pendingPuts     puts once the put in progress has committed; 0 when none is
 * 104  long pendingOvfWrite the overflow position an overflow put commits; -1 for a ring put
 * 112  long ovfWrite        overflow position of the next put (chunk &lt;&lt; 32 | offset); an overflow put's commit
 * 120  int  ovfActive       1 while puts go to the overflow: from the first put that finds the ring
 *                           full until a put finds the overflow empty
 * 192  long getLock         RobustMutex word: one getter at a time
 * 200  long head            bytes ever taken from the ring; a ring get's commit
 * 208  long gets            items ever taken
 * 216  long pendingHead     as pendingTail, for a get in progress
 * 224  long pendingGets     as pendingPuts
 * 232  long pendingOvfRead  as pendingOvfWrite
 * 240  long ovfRead         overflow position of the next get; an overflow get's commit
 * 320  int  dataSeq         futex word getters sleep on
 * 324  int  getWaiting      nonzero while a getter may be asleep
 * 384  int  spaceSeq        futex word putters sleep on (while the queue holds maxsize items)
 * 388  int  putWaiting
 * 448  long done            tasks marked done (JoinableQueue); unfinished = puts - done
 * 456  int  joinSeq         futex word joiners sleep on
 * 460  int  joinWaiting
 * 1024 ring
 * </pre>
 * An item is {@code [int length][int kind]} and its bytes, padded to 8, so that an item header
 * never wraps; in a chunk, a header of kind NEXT says the items go on at the start of the next
 * chunk ({@code QUEUE-chunk-N}). Items in the ring are older than those in the overflow: while
 * the overflow is active no put goes to the ring, and getters empty the ring first.
 *
 * <p>A put writes its item where nobody reads yet, records its pending fields, counts the item in
 * {@code puts}, stores its position word (the commit) and clears {@code pendingPuts}; a get does
 * the same on its side. Until the commit no other process sees the item (or its removal), so a
 * process killed in the middle of either leaves the queue whole. Whoever next takes that side's
 * lock and finds a pending operation sets the count to what the commit decided
 * ({@code pendingPuts} if a position word reached its pending value, else one less).
 *
 * <p>Every access to these words is volatile or release. A waker reads the waiting count after
 * its commit and bumps the sequence word only if someone may sleep; a waiter counts itself before
 * it re-checks the state, so one of the two sees the other (no lost wake-up); the futex call
 * re-checks the sequence word.
 */
final class QueueLayout {
    static final long CAPACITY = 8;
    static final long MAXSIZE = 12;
    static final long MAX_ITEM_BYTES = 16;
    static final long DAMAGE = 20;
    static final long PUT_LOCK = 64;
    static final long TAIL = 72;
    static final long PUTS = 80;
    static final long PENDING_TAIL = 88;
    static final long PENDING_PUTS = 96;
    static final long PENDING_OVF_WRITE = 104;
    static final long OVF_WRITE = 112;
    static final long OVF_ACTIVE = 120;
    static final long GET_LOCK = 192;
    static final long HEAD = 200;
    static final long GETS = 208;
    static final long PENDING_HEAD = 216;
    static final long PENDING_GETS = 224;
    static final long PENDING_OVF_READ = 232;
    static final long OVF_READ = 240;
    static final long DATA_SEQ = 320;
    static final long GET_WAITING = 324;
    static final long SPACE_SEQ = 384;
    static final long PUT_WAITING = 388;
    static final long DONE = 448;
    static final long JOIN_SEQ = 456;
    static final long JOIN_WAITING = 460;
    static final long RING = 1024;
    /** Bytes before each item's own: its length and its kind. */
    static final int ITEM_HEADER = 8;

    /** The header of a plain queue's segment. */
    static final SegmentHeader QUEUE = new SegmentHeader("queue", "Queue", 0x53515545, 2, RING, true);
    /** The header of a joinable queue's segment: the same layout, another kind. */
    static final SegmentHeader JOINABLE = new SegmentHeader("jqueue", "JoinableQueue", 0x534A5155, 2, RING, true);
    /** The header of a simple queue's segment. */
    static final SegmentHeader SIMPLE = new SegmentHeader("squeue", "SimpleQueue", 0x53535155, 2, RING, true);

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
