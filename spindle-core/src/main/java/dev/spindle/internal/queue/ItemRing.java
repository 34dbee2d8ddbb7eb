package dev.spindle.internal.queue;

import static dev.spindle.internal.queue.QueueLayout.Side.GET;
import static dev.spindle.internal.queue.QueueLayout.Side.PUT;

import dev.spindle.internal.codec.SizeLimit;
import dev.spindle.queue.BrokenQueueException;
import dev.spindle.internal.nativeio.AdaptiveSpin;
import dev.spindle.internal.nativeio.Futex;
import dev.spindle.internal.queue.QueueLayout.Position;
import dev.spindle.internal.queue.QueueLayout.ShutdownState;
import dev.spindle.internal.queue.QueueLayout.Side;
import dev.spindle.internal.queue.QueueLayout.Wait;
import dev.spindle.internal.queue.Stage.Staged;
import dev.spindle.internal.shm.DamageWord;
import dev.spindle.internal.shm.RobustMutex;
import dev.spindle.internal.waits.Waits;
import dev.spindle.queue.ShutDown;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The items of one cross-process queue, put and taken by any number of threads of any number of
 * processes, in two lanes. Small items go the {@link FastLane}, where puts and gets take no lock:
 * one CAS commits each. The others, and every item while the fast lane cannot take one (this
 * process has no stage, or its stage or the lane is full), go the slow lane: encoded items in a
 * ring in shared memory and, once the ring is full, in overflow chunks beside it
 * ({@link QueueLayout}, {@link OverflowChunks}), under a put lock and a get lock. A slow put
 * closes the fast lane and the first put that finds the slow lane empty reopens it, so the items
 * of the fast lane are always older than the slow lane's: getters empty it first. A put waits
 * only while the queue holds {@code maxsize} items; an unbounded queue never makes a producer
 * wait for its consumers. Items whose footprint is above half the ring travel in a segment of
 * their own ({@link SpilledItem}), the ring carrying their name.
 *
 * <p>Waiting happens outside the locks: a putter waits for the count to drop below
 * {@code maxsize}, a getter for an item, then acts (in the slow lane: takes its side's lock and
 * checks again); a lock is held only to copy one item, so a timeout is never spent behind a live
 * holder (a dead holder's lock is taken over once its death is seen, within tens of
 * milliseconds), and a process killed while waiting holds nothing. A waiter spins briefly while
 * that pays ({@link AdaptiveSpin}), then sleeps on its side's futex word in slices of
 * {@link #SLICE_NANOS}, so that an interrupt of a platform thread is seen. A put wakes one
 * sleeping getter, unless a getter it woke before has not yet left its wait: that one passes the
 * wake-up on if it leaves an item behind (a getter killed before leaving holds the others' wake-ups
 * back for at most a slice).
 *
 * <p>Deaths: see {@link QueueLayout} and {@link FastLane}. A put or get killed before its commit
 * leaves nothing seen; one killed after it is whole. In the slow lane, the next holder of that
 * side's lock settles the count.
 *
 * <p>Python 3.13's shutdown is a word of the segment ({@link QueueLayout}), so every process sees
 * it: puts throw {@link ShutDown}, gets drain the queue, then throw it (at once after an immediate
 * shutdown, whose dropped items count as tasks done), and waiters in every process wake.
 */
final class ItemRing implements ItemStore {
    private static final long SLICE_NANOS = 50_000_000;
    private static final int WAKE_ALL = Integer.MAX_VALUE;
    /** The kinds of item in the ring. */
    static final int INLINE = 1;
    private static final int SPILLED = 2;
    /** In an overflow chunk: the items go on at the start of the next chunk. */
    private static final int NEXT = 3;

    /** Why a queue is broken, as its damage word records it. */
    enum Damage {
        POSITION("its read or write position is outside the ring"),
        ITEM("an item's length or kind is not one a put writes"),
        REFERENCE("a large item's reference is not one a put writes");

        final String reason;

        Damage(String reason) {
            this.reason = reason;
        }
    }

    private static final String[] DAMAGE_REASONS = java.util.Arrays.stream(Damage.values()).map(d -> d.reason)
            .toArray(String[]::new);

    private final MemorySegment memory;
    /** The ring's bytes, positions taken modulo the capacity. */
    private final MemorySegment ring;
    private final DamageWord damage;
    private final String segmentName;
    private final int capacity;
    private final int maxsize;
    private final int maxItemBytes;
    private final OverflowChunks chunks;
    private final RobustMutex putLock;
    private final RobustMutex getLock;
    private final FastLane fast;
    private final AdaptiveSpin putSpin = new AdaptiveSpin();
    /**
     * The head as this process's putters last read it: a lower bound (the head only grows), so
     * the room it shows is never too much; the shared head, a line the getters write, is read
     * only when this shows too little. Racy between this process's threads, harmlessly.
     */
    private volatile long headSeen;
    private final AdaptiveSpin getSpin = new AdaptiveSpin();

    ItemRing(MemorySegment memory, String segmentName) {
        this.memory = memory;
        this.damage = new DamageWord(memory, QueueLayout.DAMAGE, DAMAGE_REASONS);
        this.segmentName = segmentName;
        this.capacity = QueueLayout.capacityVolatile(memory);
        this.maxsize = QueueLayout.maxsizeVolatile(memory);
        this.maxItemBytes = QueueLayout.maxItemBytesVolatile(memory);
        if (Integer.bitCount(capacity) != 1 || capacity < 64
                || QueueLayout.RING + capacity + FastLaneLayout.slotsBytes() > memory.byteSize()
                || maxsize < 0 || maxItemBytes < 0) {
            throw new IllegalStateException("not a Spindle queue segment: ring of " + capacity + " bytes in "
                    + memory.byteSize() + ", maxsize " + maxsize + ", item limit " + maxItemBytes);
        }
        this.ring = QueueLayout.ring(memory, capacity);
        this.chunks = new OverflowChunks(segmentName, capacity);
        this.putLock = new RobustMutex(memory, QueueLayout.PUT_LOCK);
        this.getLock = new RobustMutex(memory, QueueLayout.GET_LOCK);
        this.fast = new FastLane(memory, capacity, segmentName, maxItemBytes, this::broken);
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    /**
     * Marks the queue broken for every process (the first finding wins), wakes whoever waits on
     * it, and returns the exception to throw; {@code detail} says what was found.
     */
    BrokenQueueException broken(Damage found, String detail) {
        damage.mark(found.ordinal());
        for (Wait wait : Wait.values()) {
            QueueLayout.bumpSeqVolatile(memory, wait);
            Futex.wake(memory, wait.seq, WAKE_ALL);
        }
        return brokenException(detail);
    }

    /** Throws if the queue was found broken, here or in any other process. */
    void checkNotBroken() {
        if (damage.isMarked()) {
            throw brokenException(null);
        }
    }

    private BrokenQueueException brokenException(String detail) {
        return new BrokenQueueException("the queue " + segmentName + " is broken: " + damage.reason()
                + (detail == null ? "" : " (" + detail + ")")
                + "; a process wrote bytes that are not Spindle's into its shared memory, and every put and get fails"
                + " from now on: make a new queue");
    }

    @Override
    public int maxItemBytes() {
        return maxItemBytes;
    }

    /** Items held: exact while nothing is put or taken (a put or get whose process died in the middle is settled first). */
    @Override
    public int size() {
        checkNotBroken();
        settleOrphans();
        if (state() == ShutdownState.IMMEDIATE) {
            return 0; // dropped, even those a shutdown killed in the middle left for the next get to drop
        }
        return Math.clamp(held(), 0, Integer.MAX_VALUE);
    }

    /** True if some item is there to take: none after an immediate shutdown. */
    @Override
    public boolean hasItem() {
        return (fast.hasItem() || !slowLaneEmpty()) && state() != ShutdownState.IMMEDIATE;
    }

    /** Items in both lanes. */
    private long held() {
        return fast.held() + QueueLayout.countVolatile(memory, PUT) - QueueLayout.countVolatile(memory, GET);
    }

    // ---- put side ----

    /**
     * Puts an encoded item, waiting until {@code deadline} for room.
     *
     * @return false if no room came in time
     * @throws IllegalArgumentException if the item is above the queue's limit
     */
    @Override
    public boolean put(byte[] item, long deadline) throws InterruptedException {
        checkNotBroken();
        checkPutsOpen();
        if (item.length > maxItemBytes) {
            throw new IllegalArgumentException(SizeLimit.exceeded("an item", item.length, maxItemBytes,
                    "for this queue with ctx.queue(maxsize, maxItemBytes)"));
        }
        boolean fits = FastLane.fits(item.length);
        if (fits) {
            Boolean put = putInLane(item, deadline);
            if (put != null) {
                return put;
            }
        }
        boolean spill = QueueLayout.footprint(item.length) > capacity / 2;
        byte[] payload = spill ? spilledPayload(item) : item;
        try {
            Boolean put = putPayload(payload, spill ? SPILLED : INLINE, deadline, fits);
            if (put == null) { // the slow lane was empty: the fast one is open again
                put = putInLane(item, deadline);
                if (put == null) {
                    put = putPayload(payload, INLINE, deadline, false);
                }
            }
            if (!put) {
                discardIfSpilled(spill, payload);
            }
            return put;
        } catch (InterruptedException | RuntimeException | Error e) {
            discardIfSpilled(spill, payload);
            throw e;
        }
    }

    /**
     * Puts through the fast lane: true once put, false if no room came by {@code deadline}, null
     * if the item goes the slow lane (the lane is closed or full, or this process has no stage).
     */
    private Boolean putInLane(byte[] item, long deadline) throws InterruptedException {
        if (fast.isClosed()) {
            return null; // not worth staging: the slow lane reopens it if it is empty
        }
        Staged staged = fast.stage(item);
        if (staged == null) {
            return null;
        }
        boolean claimed = false;
        try {
            BooleanSupplier room = () -> belowMaxsize() || isShutdown() || fast.isClosed();
            while (true) {
                FastLane.Claim claim = fast.claim(staged, maxsize);
                if (claim == FastLane.Claim.CLAIMED) {
                    claimed = true;
                    wake(Wait.DATA, 1);
                    return true;
                }
                if (claim == FastLane.Claim.SLOW) {
                    return null;
                }
                if (!await(Wait.SPACE, room, deadline, putSpin)) {
                    return false;
                }
            }
        } finally {
            if (!claimed) {
                fast.release(staged);
            }
        }
    }

    private byte[] spilledPayload(byte[] item) {
        byte[] name = SpilledItem.write(segmentName, item);
        return ByteBuffer.allocate(4 + name.length).putInt(item.length).put(name).array(); // its length, then its name
    }

    private void discardIfSpilled(boolean spill, byte[] payload) {
        if (spill) {
            SpilledItem.discard(segmentName, Arrays.copyOfRange(payload, 4, payload.length));
        }
    }

    /**
     * Puts through the slow lane, closing the fast one; with {@code mayReopen}, returns null instead
     * if the slow lane is empty and the fast one closed: it opens it, for the caller to try.
     */
    private Boolean putPayload(byte[] payload, int kind, long deadline, boolean mayReopen) throws InterruptedException {
        long footprint = QueueLayout.footprint(payload.length);
        BooleanSupplier room = () -> belowMaxsize() || isShutdown();
        while (true) {
            if (!await(Wait.SPACE, room, deadline, putSpin)) {
                return false;
            }
            putLock.lock(); // held only to copy one item (or, from a dead holder, until its death is seen), even by a put that waits for nothing
            try {
                settle(PUT);
                checkPutsOpen(); // under the put lock: a shutdown comes before or after this whole put
                if (mayReopen && fast.isClosed() && slowLaneEmpty()) {
                    fast.open(); // the items of the fast lane are again the newest
                    return null;
                }
                fast.close(); // from here on, the fast lane's items are older than the slow one's
                if (!belowMaxsize()) {
                    continue;
                }
                if (QueueLayout.overflowActiveVolatile(memory) && overflowEmpty() && ringHasRoom(footprint)) {
                    QueueLayout.setOverflowActiveRelease(memory, false); // drained: back to the ring
                }
                if (!QueueLayout.overflowActiveVolatile(memory) && ringHasRoom(footprint)) {
                    putInRing(payload, kind, footprint);
                } else {
                    putInOverflow(payload, kind, footprint);
                }
            } finally {
                putLock.unlock();
            }
            wake(Wait.DATA, 1);
            return true;
        }
    }

    private void putInRing(byte[] payload, int kind, long footprint) {
        long tail = QueueLayout.positionVolatile(memory, PUT.ring);
        write(tail, payload, kind);
        commit(PUT, PUT.ring, tail + footprint);
    }

    /** Appends to the overflow: in the current chunk, or after a NEXT record at the start of the next. */
    private void putInOverflow(byte[] payload, int kind, long footprint) {
        QueueLayout.setOverflowActiveRelease(memory, true);
        long word = QueueLayout.positionVolatile(memory, PUT.overflow);
        long seq = word >>> 32;
        long offset = word & 0xFFFF_FFFFL;
        MemorySegment chunk = chunks.forWriting(seq);
        if (offset + footprint + QueueLayout.ITEM_HEADER > capacity) { // room for a NEXT is always left
            QueueLayout.setItemHeaderPlain(chunk, offset, 0, NEXT);
            seq++;
            offset = 0;
            chunk = chunks.forWriting(seq);
        }
        QueueLayout.setItemHeaderPlain(chunk, offset, payload.length, kind);
        MemorySegment.copy(payload, 0, chunk, ValueLayout.JAVA_BYTE, offset + QueueLayout.ITEM_HEADER, payload.length);
        commit(PUT, PUT.overflow, seq << 32 | (offset + footprint));
    }

    private boolean slowLaneEmpty() {
        return ringEmpty() && overflowEmpty();
    }

    private boolean ringEmpty() {
        return QueueLayout.positionVolatile(memory, PUT.ring) == QueueLayout.positionVolatile(memory, GET.ring);
    }

    private boolean overflowEmpty() {
        return QueueLayout.positionVolatile(memory, GET.overflow) == QueueLayout.positionVolatile(memory, PUT.overflow);
    }

    private boolean ringHasRoom(long footprint) {
        long tail = QueueLayout.positionVolatile(memory, PUT.ring);
        if (capacity - (tail - headSeen) < footprint) {
            headSeen = QueueLayout.positionVolatile(memory, GET.ring);
            return checkedSpan(capacity - (tail - headSeen), "room") >= footprint;
        }
        return true;
    }

    /** {@code span} (bytes ready, or room), checked to fit the ring: positions a put or get stored always do. */
    private long checkedSpan(long span, String what) {
        if (span < 0 || span > capacity) {
            throw broken(Damage.POSITION, what + " of " + span + " bytes in a ring of " + capacity);
        }
        return span;
    }

    private boolean belowMaxsize() {
        return maxsize == 0 || held() < maxsize;
    }

    private void write(long tail, byte[] payload, int kind) {
        QueueLayout.setItemHeaderPlain(ring, tail & (capacity - 1), payload.length, kind);
        copyIn(payload, tail + QueueLayout.ITEM_HEADER);
    }

    private void copyIn(byte[] src, long position) {
        int index = (int) (position & (capacity - 1));
        int first = Math.min(src.length, capacity - index);
        MemorySegment.copy(src, 0, ring, ValueLayout.JAVA_BYTE, index, first);
        if (src.length > first) {
            MemorySegment.copy(src, first, ring, ValueLayout.JAVA_BYTE, 0, src.length - first);
        }
    }

    /**
     * Under {@code side}'s lock: settles the count of a put or get whose process died in the middle
     * of it, to what its commit decided: did either position word reach its pending value?
     */
    private void settle(Side side) {
        long pending = QueueLayout.pendingCountVolatile(memory, side);
        if (pending != 0) {
            boolean committed = reachedPending(side.ring) || reachedPending(side.overflow);
            QueueLayout.setCountVolatile(memory, side, committed ? pending : pending - 1);
            QueueLayout.setPendingCountVolatile(memory, side, 0);
        }
    }

    private boolean reachedPending(Position position) {
        return QueueLayout.positionVolatile(memory, position) == QueueLayout.pendingPositionVolatile(memory, position);
    }

    // ---- get side ----

    /**
     * Takes the oldest item's encoded bytes, waiting until {@code deadline} for one; null if none
     * came in time.
     */
    @Override
    public byte[] take(long deadline) throws InterruptedException {
        return get(deadline, true);
    }

    /** The oldest item's encoded bytes, left in the queue; null if it is empty. */
    @Override
    public byte[] peek() throws InterruptedException {
        return get(Waits.NO_DEADLINE, false);
    }

    private byte[] get(long deadline, boolean take) throws InterruptedException {
        BooleanSupplier itemOrShutdown = () -> hasItem() || isShutdown();
        while (true) {
            checkNotBroken();
            if (take ? !await(Wait.DATA, itemOrShutdown, deadline, getSpin) : !hasItem()) {
                passOnWakeUp();
                return null;
            }
            byte[] fromLane = fast.take(take); // the fast lane's items are older than the slow one's
            if (fromLane != null) {
                if (take) {
                    wake(Wait.SPACE, WAKE_ALL);
                    passOnWakeUp();
                    QueueWindows.getAfterCommit.run();
                }
                return fromLane;
            }
            QueueWindows.getAfterLaneEmpty.run();
            finishInterruptedShutdown();
            getLock.lock(); // as the put lock
            Taken taken;
            try {
                settle(GET);
                ShutdownState state = state();
                if (state == ShutdownState.IMMEDIATE) {
                    dropLeft(); // nothing, unless the shutdown that dropped them was killed in the middle
                    if (take) {
                        throw new ShutDown("the queue was shut down at once: its items were dropped");
                    }
                    return null;
                } else if (!slowLaneEmpty() && fast.hasItem()) {
                    continue; // put in the fast lane before the slow lane's item seen here: older, so first
                } else if (!ringEmpty()) {
                    taken = fromRing(take);
                } else if (!overflowEmpty()) {
                    taken = fromOverflow(take);
                } else if (fast.hasItem()) {
                    continue; // put in the fast lane since it was found empty
                } else if (!take) {
                    return null;
                } else if (state == ShutdownState.DRAINING) {
                    throw new ShutDown("the queue is shut down and empty");
                } else {
                    continue;
                }
            } finally {
                getLock.unlock();
            }
            if (take) {
                wake(Wait.SPACE, WAKE_ALL);
                passOnWakeUp();
                QueueWindows.getAfterCommit.run();
            }
            return taken.kind() == INLINE ? taken.payload() : unspill(taken.payload(), take);
        }
    }

    /** An item's kind and bytes, as a get copied them out. */
    private record Taken(int kind, byte[] payload) {}

    /** Under the get lock, with the ring not empty: copies its oldest item out and, with {@code take}, commits its removal. */
    private Taken fromRing(boolean take) {
        long head = QueueLayout.positionVolatile(memory, GET.ring);
        long ready = checkedSpan(QueueLayout.positionVolatile(memory, PUT.ring) - head, "items");
        int length = QueueLayout.itemLengthPlain(ring, head & (capacity - 1));
        int kind = QueueLayout.itemKindPlain(ring, head & (capacity - 1));
        long footprint = checkedFootprint(length, kind, ready, "at " + head);
        byte[] payload = copyOut(head + QueueLayout.ITEM_HEADER, length);
        if (take) {
            commit(GET, GET.ring, head + footprint);
        }
        return new Taken(kind, payload);
    }

    /**
     * Under the get lock, with the ring empty and the overflow not: copies the overflow's oldest
     * item out and, with {@code take}, commits its removal; a chunk left behind is removed.
     */
    private Taken fromOverflow(boolean take) {
        long word = QueueLayout.positionVolatile(memory, GET.overflow);
        long written = QueueLayout.positionVolatile(memory, PUT.overflow);
        long seq = word >>> 32;
        long offset = word & 0xFFFF_FFFFL;
        MemorySegment chunk = chunks.forReading(seq);
        if (QueueLayout.itemKindPlain(chunk, offset) == NEXT) {
            seq++;
            offset = 0;
            chunk = chunks.forReading(seq);
        }
        int length = QueueLayout.itemLengthPlain(chunk, offset);
        int kind = QueueLayout.itemKindPlain(chunk, offset);
        long ready = (seq == written >>> 32 ? written & 0xFFFF_FFFFL : capacity) - offset; // an earlier chunk: items up to its end
        long footprint = checkedFootprint(length, kind, ready, "in overflow chunk " + seq);
        byte[] payload = chunk.asSlice(offset + QueueLayout.ITEM_HEADER, length).toArray(ValueLayout.JAVA_BYTE);
        if (take) {
            commit(GET, GET.overflow, seq << 32 | (offset + footprint));
            if (seq != word >>> 32) {
                chunks.leave(word >>> 32);
            }
        }
        return new Taken(kind, payload);
    }

    private long checkedFootprint(int length, int kind, long ready, String where) {
        long footprint = QueueLayout.footprint(length);
        if (length < 0 || footprint > ready || (kind != INLINE && kind != SPILLED)) {
            throw broken(Damage.ITEM, "corrupt queue item " + where + ": length " + length + ", kind " + kind
                    + ", " + ready + " bytes ready");
        }
        return footprint;
    }

    /**
     * Commits a put or a get, under {@code side}'s lock: records the pending count and the value
     * {@code value} the position word {@code position} moves to (the side's other position word
     * gets a pending value it cannot reach), counts, stores the position word (the commit) and
     * clears the pending count. See {@link QueueLayout}.
     */
    private void commit(Side side, Position position, long value) {
        long count = QueueLayout.countVolatile(memory, side) + 1;
        QueueLayout.setPendingPositionRelease(memory, position, value);
        QueueLayout.setPendingPositionRelease(memory, position == side.ring ? side.overflow : side.ring, -1);
        QueueLayout.setPendingCountRelease(memory, side, count);
        (side == PUT ? QueueWindows.putBeforeCommit : QueueWindows.getBeforeCommit).run();
        QueueLayout.setCountRelease(memory, side, count);
        QueueLayout.setPositionVolatile(memory, position, value); // the commit
        QueueLayout.setPendingCountRelease(memory, side, 0);
    }

    private byte[] unspill(byte[] payload, boolean remove) {
        return SpilledItem.read(segmentName, spilledReference(payload), spilledLength(payload), remove);
    }

    /** The length a spilled item's payload records, checked to be one a put writes. */
    private int spilledLength(byte[] payload) {
        if (payload.length < 5) {
            throw broken(Damage.REFERENCE, "corrupt reference to a large queue item: " + payload.length + " bytes");
        }
        int length = ByteBuffer.wrap(payload).getInt();
        if (length < 0 || length > maxItemBytes) {
            throw broken(Damage.REFERENCE, "corrupt reference to a large queue item of " + length + " bytes");
        }
        return length;
    }

    /** The segment name a spilled item's payload carries, checked to be one beside this queue's. */
    private byte[] spilledReference(byte[] payload) {
        spilledLength(payload);
        byte[] reference = Arrays.copyOfRange(payload, 4, payload.length);
        if (!SpilledItem.namesOneBeside(segmentName, reference)) {
            throw broken(Damage.REFERENCE, "a queue item names a segment outside its queue: "
                    + new String(reference, java.nio.charset.StandardCharsets.US_ASCII));
        }
        return reference;
    }

    private byte[] copyOut(long position, int length) {
        byte[] dst = new byte[length];
        int index = (int) (position & (capacity - 1));
        int first = Math.min(length, capacity - index);
        MemorySegment.copy(ring, ValueLayout.JAVA_BYTE, index, dst, 0, first);
        if (length > first) {
            MemorySegment.copy(ring, ValueLayout.JAVA_BYTE, 0, dst, first, length - first);
        }
        return dst;
    }

    /**
     * A getter leaving while an item is there may have had the wake-up meant for another, or been
     * the woken getter while puts woke no other: passes it on.
     */
    private void passOnWakeUp() {
        if (QueueLayout.waitingVolatile(memory, Wait.DATA) != 0 && hasItem()) {
            wake(Wait.DATA, 1);
        }
    }

    // ---- joining ----

    /** Marks one task done; false if every item put is done already. */
    @Override
    public boolean taskDone() {
        while (true) {
            long done = QueueLayout.doneVolatile(memory);
            long tasks = tasks();
            if (done >= tasks) {
                return false;
            }
            if (QueueLayout.markDoneVolatile(memory, done)) {
                if (done + 1 == tasks) {
                    wake(Wait.JOIN, WAKE_ALL);
                }
                return true;
            }
        }
    }

    /** Waits until {@code deadline} for every item put to be done; returns whether all are. */
    @Override
    public boolean join(long deadline) throws InterruptedException {
        return await(Wait.JOIN, this::allDone, deadline, new AdaptiveSpin());
    }

    private boolean allDone() {
        settleOrphans(); // a put counts before its commit: one whose process died is settled here
        return QueueLayout.doneVolatile(memory) >= tasks();
    }

    /**
     * The tasks that taskDone() may mark done: every item put, or after an immediate shutdown
     * only those taken before it (the dropped ones count as done, as Python's shutdown counts them).
     */
    private long tasks() {
        return state() == ShutdownState.IMMEDIATE ? QueueLayout.takenAtDropVolatile(memory)
                : fast.puts() + QueueLayout.countVolatile(memory, PUT);
    }

    /** Settles the counts of a put or get in progress if the process doing it died; cheap when none is in progress. */
    private void settleOrphans() {
        finishInterruptedShutdown();
        if (QueueLayout.pendingCountVolatile(memory, PUT) != 0 && putLock.tryLockIfFreeOrOrphaned() != null) {
            try {
                settle(PUT);
            } finally {
                putLock.unlock();
            }
        }
        if (QueueLayout.pendingCountVolatile(memory, GET) != 0 && getLock.tryLockIfFreeOrOrphaned() != null) {
            try {
                settle(GET);
            } finally {
                getLock.unlock();
            }
        }
    }

    // ---- shutdown ----

    /** Whether the queue was shut down, by any process (or an immediate shutdown began, and its process died). */
    @Override
    public boolean isShutdown() {
        return state() != ShutdownState.OPEN || fast.isClosed() && fast.isFrozen(); // frozen only once closed: the head, a line getters write, is read only then
    }

    private ShutdownState state() {
        return QueueLayout.shutdownVolatile(memory);
    }

    /** @throws ShutDown if the queue was shut down */
    @Override
    public void checkPutsOpen() {
        if (isShutdown()) {
            throw new ShutDown("the queue is shut down: it takes no more items");
        }
    }

    /**
     * Shuts the queue down for every process (Python 3.13's {@code shutdown(immediate)}); with
     * {@code immediate}, drops the items left. Wakes every waiter of every process. Idempotent; an
     * immediate shutdown after a plain one still drops the items.
     */
    @Override
    public void shutdown(boolean immediate) throws InterruptedException {
        checkNotBroken();
        putLock.lock(); // both locks: no put or get of the slow lane is half done while the word moves (see QueueLayout)
        try {
            getLock.lock();
            try {
                shutDownHoldingBothLocks(immediate);
            } finally {
                getLock.unlock();
            }
        } finally {
            putLock.unlock();
        }
        wakeEveryWaiter();
    }

    private void wakeEveryWaiter() {
        for (Wait wait : Wait.values()) {
            wake(wait, WAKE_ALL);
        }
    }

    /**
     * Moves the shutdown word. The fast lane closes first, so that no put claims a ticket after
     * it; an immediate shutdown then freezes the lane's head (no get takes from it after that),
     * counts the items taken, moves the word and drops what is left in both lanes.
     */
    private void shutDownHoldingBothLocks(boolean immediate) {
        settle(PUT);
        settle(GET);
        fast.close();
        ShutdownState state = state();
        if (immediate && state != ShutdownState.IMMEDIATE) {
            long takenFromLane = fast.freeze();
            QueueWindows.shutdownAfterFreeze.run();
            QueueLayout.setTakenAtDropRelease(memory, takenFromLane + QueueLayout.countVolatile(memory, GET));
            QueueLayout.setShutdownVolatile(memory, ShutdownState.IMMEDIATE);
        } else if (state == ShutdownState.OPEN) {
            QueueLayout.setShutdownVolatile(memory, ShutdownState.DRAINING);
        }
        if (immediate) {
            if (fast.dropAll() > 0) {
                QueueWindows.dropAfterOne.run();
            }
            dropLeft();
        }
    }

    /**
     * An immediate shutdown killed after it froze the fast lane and before it moved the shutdown
     * word left gets refused and tasks uncounted: finishes it, if both locks come without a wait.
     */
    private void finishInterruptedShutdown() {
        if (!fast.isFrozen() || state() == ShutdownState.IMMEDIATE || putLock.tryLockIfFreeOrOrphaned() == null) {
            return;
        }
        try {
            if (getLock.tryLockIfFreeOrOrphaned() != null) {
                try {
                    shutDownHoldingBothLocks(true);
                } finally {
                    getLock.unlock();
                }
            }
        } finally {
            putLock.unlock();
        }
        wakeEveryWaiter();
    }

    /**
     * Under the get lock, after an immediate shutdown: takes every item left, each in a commit of
     * its own, and removes the segments of those that had one.
     */
    private void dropLeft() {
        while (!ringEmpty() || !overflowEmpty()) {
            Taken taken = ringEmpty() ? fromOverflow(true) : fromRing(true);
            if (taken.kind() == SPILLED) {
                SpilledItem.discard(segmentName, spilledReference(taken.payload()));
            }
            QueueWindows.dropAfterOne.run();
        }
    }

    // ---- waiting ----

    /**
     * After a change of state (a volatile store): wakes waiters if any may sleep. The sequence word
     * moves only then: a waiter counts itself before it re-checks the state, so a waker that reads
     * no waiter comes before that check, which sees the change.
     */
    private void wake(Wait wait, int count) {
        if (QueueLayout.waitingVolatile(memory, wait) != 0 && (count != 1 || QueueLayout.markWokenVolatile(memory, wait))) {
            QueueLayout.bumpSeqVolatile(memory, wait);
            Futex.wake(memory, wait.seq, count);
        }
    }

    /** Waits until {@code ready} or {@code deadline}; returns whether it is ready. */
    private boolean await(Wait wait, BooleanSupplier ready, long deadline, AdaptiveSpin spin)
            throws InterruptedException {
        if (ready.getAsBoolean()) {
            return true;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting on a queue");
        }
        long start = System.nanoTime();
        try {
            long spinUntil = start + Math.min(spin.spinNanos(), Math.max(0, Waits.left(deadline)));
            for (int spins = 1; System.nanoTime() - spinUntil < 0; spins++) {
                if (ready.getAsBoolean()) {
                    return true;
                }
                if ((spins & 63) == 0) {
                    Thread.yield(); // more processes than cores: let the one that would make this ready run
                } else {
                    Thread.onSpinWait();
                }
            }
            while (true) {
                long left = Waits.left(deadline);
                if (left <= 0) {
                    return ready.getAsBoolean();
                }
                int seq = QueueLayout.seqVolatile(memory, wait);
                QueueLayout.addWaitingVolatile(memory, wait, 1);
                try {
                    if (ready.getAsBoolean()) {
                        return true;
                    }
                    Futex.await(memory, wait.seq, seq, Math.min(left, SLICE_NANOS));
                } finally {
                    QueueLayout.addWaitingVolatile(memory, wait, -1);
                    QueueLayout.clearWokenVolatile(memory, wait);
                }
                checkNotBroken();
                if (ready.getAsBoolean()) {
                    return true;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting on a queue");
                }
            }
        } finally {
            spin.waited(System.nanoTime() - start);
        }
    }
}
