package dev.spindle.internal.queue;

import dev.spindle.internal.shm.SegmentHeader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process queue's segment (version 4): the fast lane's words and slots
 * ({@link FastLaneLayout}) and the slow lane: a ring of items and, when the ring is full, an
 * overflow of chunks beside the segment, so that a put waits only for {@code maxsize} (an
 * unbounded queue never blocks a producer, however far behind its consumers are); one put side
 * and one get side, each under its own robust mutex, so producers and consumers do not contend
 * with each other. The counts below are the slow lane's; the queue's are the sum of both lanes'.
 *
 * <pre>
 * 0    SegmentHeader  magic 'SQUE', version
 * 8    int  capacity        bytes of the ring, a power of two; also the size of an overflow chunk
 * 12   int  maxsize         most items held; 0 = no limit
 * 16   int  maxItemBytes    the largest encoded item accepted
 * 20   int  damage          0, or why the queue is broken: set once by the first process that finds
 *                           what no put wrote; every later put, get and qsize then fails
 * 24   int  shutdown        Python 3.13's shutdown: 0 open, 1 shut down (puts refused, gets drain),
 *                           2 shut down at once (gets refused too, the items dropped); only grows,
 *                           stored under both locks
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
 * 328  int  dataWoken       1 while a getter woken by a put has not left its wait: later puts wake no
 *                           other (it passes the wake-up on if it leaves an item behind)
 * 384  int  spaceSeq        futex word putters sleep on (while the queue holds maxsize items)
 * 388  int  putWaiting
 * 448  long done            tasks marked done (JoinableQueue); unfinished = puts - done
 * 456  int  joinSeq         futex word joiners sleep on
 * 460  int  joinWaiting
 * 464  long takenAtDrop     gets when an immediate shutdown dropped the items left: from then on the
 *                           unfinished tasks are takenAtDrop - done, the dropped items counting as done
 * 512  the fast lane's words (FastLaneLayout)
 * 1024 ring
 * 1024 + capacity   the fast lane's slots
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
 * <p>Shutdown (Python 3.13's): a process takes the put lock, then the get lock, settles both sides
 * and moves the shutdown word; so every put commits before it or sees it under the put lock and
 * is refused, and every get that takes an item after an immediate shutdown is refused under the
 * get lock. It closes the fast lane first, so that no put claims a ticket after it. An immediate
 * shutdown then freezes the fast lane's head (no get takes from it after that), stores
 * {@code takenAtDrop} (the items taken from both lanes), then the word, then drops the items left,
 * those of the fast lane in one CAS and the slow lane's one commit at a time, still under both
 * locks. Killed between the freeze and the word, it is finished by the next get, shutdown, qsize
 * or join that finds the lane frozen; killed later, it leaves items that no get hands out, dropped
 * by the next get or shutdown. It then wakes every waiter, whose wait condition includes the word.
 *
 * <p>Each accessor's name says its memory mode. The words are accessed volatile, or stored with
 * release where a put or get records what it does before and after its commit: those stores must
 * reach other processes in program order, and only the commit itself, which wakers follow with a
 * read of the waiting count, needs a full fence. A waker reads the waiting count after its commit
 * and bumps the sequence word only if someone may sleep; a waiter counts itself before it
 * re-checks the state, so one of the two sees the other (no lost wake-up); the futex call
 * re-checks the sequence word. An item's own bytes, its header with them, are plain: the commit
 * that publishes them comes after.
 */
final class QueueLayout {
    static final long CAPACITY = 8;
    static final long MAXSIZE = 12;
    static final long MAX_ITEM_BYTES = 16;
    static final long DAMAGE = 20;
    static final long SHUTDOWN = 24;
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
    static final long DATA_WOKEN = 328;
    static final long SPACE_SEQ = 384;
    static final long PUT_WAITING = 388;
    static final long DONE = 448;
    static final long JOIN_SEQ = 456;
    static final long JOIN_WAITING = 460;
    static final long TAKEN_AT_DROP = 464;
    static final long RING = 1024;
    private static final long NO_WORD = -1;
    /** Bytes before each item's own: its length and its kind. */
    static final int ITEM_HEADER = 8;

    /** The header of a plain queue's segment. */
    static final SegmentHeader QUEUE = new SegmentHeader("queue", "Queue", 0x53515545, 4, RING, true);
    /** The header of a joinable queue's segment: the same layout, another kind. */
    static final SegmentHeader JOINABLE = new SegmentHeader("jqueue", "JoinableQueue", 0x534A5155, 4, RING, true);
    /** The header of a simple queue's segment. */
    static final SegmentHeader SIMPLE = new SegmentHeader("squeue", "SimpleQueue", 0x53535155, 4, RING, true);

    /**
     * A position word of one side and the value a put or get in progress commits it to.
     *
     * @param at the position word
     * @param pendingAt its pending value
     */
    record Position(long at, long pendingAt) {}

    /**
     * The words of one side, the put side's or the get side's, which mirror each other: a put and
     * a get commit, and are settled after a death, by the same steps.
     */
    enum Side {
        PUT(PUTS, PENDING_PUTS, new Position(TAIL, PENDING_TAIL), new Position(OVF_WRITE, PENDING_OVF_WRITE)),
        GET(GETS, PENDING_GETS, new Position(HEAD, PENDING_HEAD), new Position(OVF_READ, PENDING_OVF_READ));

        private final long count;
        private final long pendingCount;
        /** The side's position in the ring: the tail, or the head. */
        final Position ring;
        /** The side's position in the overflow: where the next put writes, or the next get reads. */
        final Position overflow;

        Side(long count, long pendingCount, Position ring, Position overflow) {
            this.count = count;
            this.pendingCount = pendingCount;
            this.ring = ring;
            this.overflow = overflow;
        }
    }

    /** A queue's shutdown state, as its shutdown word records it; it only moves down this list. */
    enum ShutdownState {
        /** Puts and gets go on. */
        OPEN,
        /** Puts are refused; gets take what is left, then are refused. */
        DRAINING,
        /** Puts and gets are refused; the items left are dropped, counting as tasks done. */
        IMMEDIATE
    }

    /** Who sleeps on which futex word, and the count of those who may be asleep. */
    enum Wait {
        /** Getters, for an item. */
        DATA(DATA_SEQ, GET_WAITING, DATA_WOKEN),
        /** Putters, while the queue holds maxsize items. */
        SPACE(SPACE_SEQ, PUT_WAITING, NO_WORD),
        /** Joiners, for every task to be done. */
        JOIN(JOIN_SEQ, JOIN_WAITING, NO_WORD);

        /** The futex word. */
        final long seq;
        private final long waiting;
        /** The word saying a woken waiter has not yet left, or {@link #NO_WORD}: every wake-up wakes. */
        private final long woken;

        Wait(long seq, long waiting, long woken) {
            this.seq = seq;
            this.waiting = waiting;
            this.woken = woken;
        }
    }

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final ShutdownState[] SHUTDOWN_STATES = ShutdownState.values();

    private QueueLayout() {}

    static void initialize(MemorySegment memory, int capacity, int maxsize, int maxItemBytes) {
        INT.setVolatile(memory, CAPACITY, capacity);
        INT.setVolatile(memory, MAXSIZE, maxsize);
        INT.setVolatile(memory, MAX_ITEM_BYTES, maxItemBytes);
    }

    static int capacityVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, CAPACITY);
    }

    static int maxsizeVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, MAXSIZE);
    }

    static int maxItemBytesVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, MAX_ITEM_BYTES);
    }

    /** The ring's bytes, of a segment checked to hold {@code capacity} of them. */
    static MemorySegment ring(MemorySegment memory, int capacity) {
        return memory.asSlice(RING, capacity);
    }

    /** The bytes an item of {@code length} takes in the ring. */
    static long footprint(int length) {
        return ITEM_HEADER + ((length + 7L) & ~7L);
    }

    /** Writes the header of the item at {@code at} of the ring or of an overflow chunk. */
    static void setItemHeaderPlain(MemorySegment items, long at, int length, int kind) {
        items.set(ValueLayout.JAVA_INT, at, length);
        items.set(ValueLayout.JAVA_INT, at + 4, kind);
    }

    static int itemLengthPlain(MemorySegment items, long at) {
        return items.get(ValueLayout.JAVA_INT, at);
    }

    static int itemKindPlain(MemorySegment items, long at) {
        return items.get(ValueLayout.JAVA_INT, at + 4);
    }

    static long countVolatile(MemorySegment memory, Side side) {
        return (long) LONG.getVolatile(memory, side.count);
    }

    static void setCountVolatile(MemorySegment memory, Side side, long count) {
        LONG.setVolatile(memory, side.count, count);
    }

    static void setCountRelease(MemorySegment memory, Side side, long count) {
        LONG.setRelease(memory, side.count, count);
    }

    static long pendingCountVolatile(MemorySegment memory, Side side) {
        return (long) LONG.getVolatile(memory, side.pendingCount);
    }

    static void setPendingCountVolatile(MemorySegment memory, Side side, long count) {
        LONG.setVolatile(memory, side.pendingCount, count);
    }

    static void setPendingCountRelease(MemorySegment memory, Side side, long count) {
        LONG.setRelease(memory, side.pendingCount, count);
    }

    static long positionVolatile(MemorySegment memory, Position position) {
        return (long) LONG.getVolatile(memory, position.at());
    }

    static void setPositionVolatile(MemorySegment memory, Position position, long value) {
        LONG.setVolatile(memory, position.at(), value);
    }

    static long pendingPositionVolatile(MemorySegment memory, Position position) {
        return (long) LONG.getVolatile(memory, position.pendingAt());
    }

    static void setPendingPositionRelease(MemorySegment memory, Position position, long value) {
        LONG.setRelease(memory, position.pendingAt(), value);
    }

    static boolean overflowActiveVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, OVF_ACTIVE) != 0;
    }

    static void setOverflowActiveRelease(MemorySegment memory, boolean active) {
        INT.setRelease(memory, OVF_ACTIVE, active ? 1 : 0);
    }

    static ShutdownState shutdownVolatile(MemorySegment memory) {
        return SHUTDOWN_STATES[Math.clamp((int) INT.getVolatile(memory, SHUTDOWN), 0, SHUTDOWN_STATES.length - 1)];
    }

    /** Moves the shutdown state to {@code state}; the caller holds both locks and never moves it back. */
    static void setShutdownVolatile(MemorySegment memory, ShutdownState state) {
        INT.setVolatile(memory, SHUTDOWN, state.ordinal());
    }

    static long takenAtDropVolatile(MemorySegment memory) {
        return (long) LONG.getVolatile(memory, TAKEN_AT_DROP);
    }

    /** Stored before the shutdown word moves to {@link ShutdownState#IMMEDIATE}, which publishes it. */
    static void setTakenAtDropRelease(MemorySegment memory, long gets) {
        LONG.setRelease(memory, TAKEN_AT_DROP, gets);
    }

    static long doneVolatile(MemorySegment memory) {
        return (long) LONG.getVolatile(memory, DONE);
    }

    /** Counts one more task done if {@code done} are; false if another process counted first. */
    static boolean markDoneVolatile(MemorySegment memory, long done) {
        return LONG.compareAndSet(memory, DONE, done, done + 1);
    }

    static int seqVolatile(MemorySegment memory, Wait wait) {
        return (int) INT.getVolatile(memory, wait.seq);
    }

    static void bumpSeqVolatile(MemorySegment memory, Wait wait) {
        INT.getAndAdd(memory, wait.seq, 1);
    }

    static int waitingVolatile(MemorySegment memory, Wait wait) {
        return (int) INT.getVolatile(memory, wait.waiting);
    }

    static void addWaitingVolatile(MemorySegment memory, Wait wait, int delta) {
        INT.getAndAdd(memory, wait.waiting, delta);
    }

    /** Records that a wake-up of one waiter is under way; false if one already is (for a wait that records it). */
    static boolean markWokenVolatile(MemorySegment memory, Wait wait) {
        return wait.woken == NO_WORD || INT.compareAndSet(memory, wait.woken, 0, 1);
    }

    /** A waiter leaves its wait: a wake-up under way has reached a waiter that runs. */
    static void clearWokenVolatile(MemorySegment memory, Wait wait) {
        if (wait.woken != NO_WORD && (int) INT.getVolatile(memory, wait.woken) != 0) {
            INT.setVolatile(memory, wait.woken, 0);
        }
    }
}
