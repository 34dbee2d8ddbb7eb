package dev.spindle.internal.queue;

import static dev.spindle.internal.queue.FastLaneLayout.SLOTS;

import dev.spindle.SharedMemoryFullException;
import dev.spindle.internal.queue.ItemRing.Damage;
import dev.spindle.internal.queue.Stage.Staged;
import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.track.BackgroundThreads;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.queue.BrokenQueueException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The lock-free lane of a cross-process queue (layout: {@link FastLaneLayout}), through which
 * small items go while the queue's slow lane ({@link ItemRing}'s ring and overflow, under locks)
 * is empty. One ticket per item, as in Vyukov's bounded queue, with two changes that leave
 * nothing half done when a process dies at any instruction:
 * <ul>
 * <li>A put writes its item into its process's {@link Stage} first, then claims the next ticket
 *     by one CAS of the tail word, which carries where the item is: the claim is the commit. The
 *     item's slot is published after, by the put itself or by anyone who needs it (the next
 *     put before it claims, a get that finds the slot behind the tail), so a put killed after
 *     its CAS still leaves its item in the queue, and one killed before leaves nothing.</li>
 * <li>A get copies the item of the head's ticket, then moves the head by one CAS: the commit.
 *     The bytes it copied stay where they are until the head has passed them (their stage gives
 *     them back only then), so a copy that the CAS confirms is whole; one the CAS refutes is
 *     dropped.</li>
 * </ul>
 * So there is no owner to find dead in the slots, and counts need no settling: the tail is the
 * number of items ever put, the head of those ever taken.
 *
 * <p>The lane is closed (the tail's slow bit) while items go the slow lane: an item too large for
 * a stage, a stage or the ring full, no stage free. Items in the lane are then older than those
 * in the slow lane, so getters empty the lane first. The slow lane reopens it once it is empty.
 */
final class FastLane {
    /** What a claim came to. */
    enum Claim {
        /** The item is the queue's. */
        CLAIMED,
        /** The lane is closed, or full: the item goes the slow lane. */
        SLOW,
        /** The queue holds maxsize items. */
        AT_MAXSIZE
    }

    /** Puts that go the slow lane without looking for a stage, after none was free. */
    private static final int PUTS_BETWEEN_STAGE_SEARCHES = 1024;
    /**
     * The stages the lanes of this process hold ({@code queue#k}). A stage whose owner word names
     * this process but that no lane here holds was a lane's that became unreachable (the queue
     * dropped and received again): another lane here may take it over, as a dead process's.
     */
    private static final Set<String> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final MemorySegment memory;
    private final MemorySegment slots;
    private final String queueName;
    private final int maxItemBytes;
    private final BiFunction<Damage, String, BrokenQueueException> broken;
    /**
     * This process's mappings of the stages (its own and those it reads), filled under this
     * lane's lock; unmapped once the lane is unreachable.
     */
    private final SharedSegment[] stageSegments = new SharedSegment[FastLaneLayout.STAGES];
    private final MemorySegment[] stageBytes = new MemorySegment[FastLaneLayout.STAGES];
    /**
     * The head's ticket as this process last read it: a lower bound (the head only grows), so the
     * room it shows is never too much, and enough to make the tail's ticket whole; the head's
     * line, which getters write, is read only when this shows too little room. Racy between this
     * process's threads, harmlessly.
     */
    private volatile long headSeen;
    /** The stage this process writes into; null until its first put. Guarded by this. */
    private Stage own;
    /** The index of {@link #own}, for the cleaner, which must not reach this lane; -1 until then. */
    private final AtomicInteger ownIndex = new AtomicInteger(-1);
    private int putsUntilStageSearch;

    FastLane(MemorySegment memory, int capacity, String queueName, int maxItemBytes,
            BiFunction<Damage, String, BrokenQueueException> broken) {
        this.memory = memory;
        this.slots = FastLaneLayout.slots(memory, capacity);
        this.queueName = queueName;
        this.maxItemBytes = maxItemBytes;
        this.broken = broken;
        SharedSegment[] mappings = stageSegments;
        AtomicInteger held = ownIndex;
        BackgroundThreads.whenUnreachable(this, () -> {
            HELD_HERE.remove(heldKey(queueName, held.get())); // the parameter: the cleaner must not reach this lane
            for (SharedSegment mapping : mappings) {
                if (mapping != null) {
                    mapping.close();
                }
            }
        });
    }

    /**
     * True if an item of {@code length} encoded bytes may go this lane: small ones, for which a
     * lock costs most; a larger one's copy costs more than a lock.
     */
    static boolean fits(int length) {
        return QueueLayout.footprint(length) <= FastLaneLayout.STAGE_BYTES / 64;
    }

    // ---- put ----

    /** Writes {@code payload} into this process's stage; null if it has none or it is full. */
    Staged stage(byte[] payload) {
        Stage stage = ownStage();
        return stage == null ? null : stage.write(payload, this::headTicket);
    }

    /** Gives back the bytes of an item that went another way. */
    void release(Staged staged) {
        ownStage().release(staged);
    }

    /**
     * Makes the staged item the queue's, unless the lane is closed or full, or the queue holds
     * {@code maxsize} items (0: no limit).
     */
    Claim claim(Staged staged, int maxsize) {
        int most = maxsize > 0 ? Math.min(maxsize, SLOTS) : SLOTS;
        while (true) {
            long h = headSeen; // read before the tail: the tail is then never behind it
            long tail = FastLaneLayout.tailVolatile(memory);
            if (FastLaneLayout.isSlow(tail)) { // closed before an immediate shutdown freezes the head
                return Claim.SLOW;
            }
            long t = FastLaneLayout.tailTicket(tail, h);
            if (t - h >= most) {
                long head = FastLaneLayout.headVolatile(memory);
                if (FastLaneLayout.headTicket(head) != h) {
                    headSeen = FastLaneLayout.headTicket(head);
                    continue;
                }
                if (t - h > SLOTS) {
                    checkAheadBy(head, t - h);
                    continue;
                }
                return t - h >= SLOTS ? Claim.SLOW : Claim.AT_MAXSIZE;
            }
            publish(t - 1, FastLaneLayout.lastRef(tail)); // the last claim's, so its slot never waits on its put
            QueueWindows.putBeforeCommit.run();
            if (FastLaneLayout.casTail(memory, tail, FastLaneLayout.tail(t + 1, false, staged.ref()))) { // the commit
                ownStage().claimed(staged, t);
                QueueWindows.putAfterClaim.run();
                publish(t, staged.ref());
                return Claim.CLAIMED;
            }
        }
    }

    /** Publishes {@code ref} as the item of {@code ticket}, unless its slot holds it or a later one. */
    private void publish(long ticket, long ref) {
        if (ticket < 0) {
            return;
        }
        while (true) {
            long slot = FastLaneLayout.slotVolatile(slots, ticket);
            if (!FastLaneLayout.isBefore(slot, ticket)
                    || FastLaneLayout.casSlot(slots, ticket, slot, FastLaneLayout.slot(ticket, ref))) {
                return;
            }
        }
    }

    // ---- get ----

    /**
     * Copies the oldest item in the lane and, with {@code remove}, takes it; null if the lane is
     * empty or frozen.
     */
    byte[] take(boolean remove) {
        while (true) {
            long head = FastLaneLayout.headVolatile(memory);
            if (FastLaneLayout.isFrozen(head)) {
                return null;
            }
            long h = FastLaneLayout.headTicket(head);
            long slot = FastLaneLayout.slotVolatile(slots, h);
            if (!FastLaneLayout.holds(slot, h)) {
                if (!helpPublish(head, h)) {
                    return null;
                }
                continue;
            }
            byte[] item = copy(FastLaneLayout.slotRef(slot), head, h, slot);
            if (item == null) {
                continue;
            }
            if (!remove) {
                if (FastLaneLayout.headVolatile(memory) == head) { // not taken while copied: the copy is whole
                    return item;
                }
                continue;
            }
            QueueWindows.getBeforeCommit.run();
            if (FastLaneLayout.casHead(memory, head, FastLaneLayout.head(h + 1, false))) { // the commit
                return item;
            }
        }
    }

    /**
     * The slot of the head's ticket {@code h} does not hold its item: publishes it if its put
     * claimed it last. False if the lane is empty.
     */
    private boolean helpPublish(long head, long h) {
        long tail = FastLaneLayout.tailVolatile(memory);
        long t = FastLaneLayout.tailTicket(tail, h);
        if (t == h) {
            return false;
        }
        if (t - h > SLOTS) {
            checkAheadBy(head, t - h);
        } else if (t == h + 1) {
            publish(h, FastLaneLayout.lastRef(tail));
        } else if (FastLaneLayout.headVolatile(memory) == head
                && !FastLaneLayout.holds(FastLaneLayout.slotVolatile(slots, h), h)) {
            // the put of h + 1 published h before it claimed, and the head has not moved: the slot was overwritten
            throw broken.apply(Damage.POSITION, "the fast lane's slot of ticket " + h + " does not hold its item");
        }
        return true;
    }

    /** The tail was read {@code ahead} tickets past the head: more than the lane holds, unless the head moved meanwhile. */
    private void checkAheadBy(long head, long ahead) {
        if (FastLaneLayout.headVolatile(memory) == head) {
            throw broken.apply(Damage.POSITION, "the fast lane's tail is " + ahead + " tickets past its head, in "
                    + SLOTS + " slots");
        }
    }

    /**
     * Copies the item {@code ref} points at, checked to be one a put writes; null if it was not
     * (a copy made while the item was taken and its bytes reused; the caller tries again).
     */
    private byte[] copy(long ref, long head, long h, long slot) {
        MemorySegment stage = stageForReading(FastLaneLayout.stageOf(ref));
        int offset = FastLaneLayout.offsetOf(ref);
        String fault = null;
        int length = 0;
        if (offset + QueueLayout.ITEM_HEADER > FastLaneLayout.STAGE_BYTES) {
            fault = "an item at " + offset;
        } else {
            length = QueueLayout.itemLengthPlain(stage, offset);
            int kind = QueueLayout.itemKindPlain(stage, offset);
            if (kind != ItemRing.INLINE || length < 0 || length > maxItemBytes
                    || offset + QueueLayout.footprint(length) > FastLaneLayout.STAGE_BYTES) {
                fault = "an item of length " + length + ", kind " + kind + " at " + offset;
            }
        }
        if (fault != null) {
            if (FastLaneLayout.headVolatile(memory) == head && FastLaneLayout.slotVolatile(slots, h) == slot) {
                throw broken.apply(Damage.ITEM, "corrupt queue item in stage " + FastLaneLayout.stageOf(ref) + ": " + fault);
            }
            return null;
        }
        byte[] item = new byte[length];
        MemorySegment.copy(stage, ValueLayout.JAVA_BYTE, offset + QueueLayout.ITEM_HEADER, item, 0, length);
        return item;
    }

    // ---- counts ----

    /** True if an item is in the lane (none once frozen). */
    boolean hasItem() {
        return held() > 0;
    }

    /** Items in the lane: put and not yet taken; 0 once frozen. */
    long held() {
        while (true) {
            long head = FastLaneLayout.headVolatile(memory);
            if (FastLaneLayout.isFrozen(head)) {
                return 0;
            }
            long h = FastLaneLayout.headTicket(head);
            long ahead = FastLaneLayout.tailTicket(FastLaneLayout.tailVolatile(memory), h) - h;
            if (ahead <= SLOTS) {
                return ahead;
            }
            checkAheadBy(head, ahead);
        }
    }

    /** Items ever put through the lane. */
    long puts() {
        long tail = FastLaneLayout.tailVolatile(memory);
        long t = FastLaneLayout.tailTicket(tail, headSeen);
        if (t - headSeen > SLOTS) { // so far behind that the tail's ticket may not be made whole from it
            headSeen = headTicket();
            t = FastLaneLayout.tailTicket(tail, headSeen);
        }
        return t;
    }

    private long headTicket() {
        return FastLaneLayout.headTicket(FastLaneLayout.headVolatile(memory));
    }

    // ---- closing, freezing ----

    /** True while puts go the slow lane. */
    boolean isClosed() {
        return FastLaneLayout.isSlow(FastLaneLayout.tailVolatile(memory));
    }

    /** Sends every later put to the slow lane: no claim comes after this returns. */
    void close() {
        setSlow(true);
    }

    /** Lets puts use the lane again; the caller has found the slow lane empty, under its put lock. */
    void open() {
        setSlow(false);
    }

    private void setSlow(boolean slow) {
        while (true) {
            long tail = FastLaneLayout.tailVolatile(memory);
            if (FastLaneLayout.isSlow(tail) == slow || FastLaneLayout.casTail(memory, tail, FastLaneLayout.withSlow(tail, slow))) {
                return;
            }
        }
    }

    /** Stops every get of the lane (an immediate shutdown); returns the items taken until then. */
    long freeze() {
        while (true) {
            long head = FastLaneLayout.headVolatile(memory);
            if (FastLaneLayout.isFrozen(head) || FastLaneLayout.casHead(memory, head, head | 1)) {
                return FastLaneLayout.headTicket(head);
            }
        }
    }

    /** True once an immediate shutdown froze the lane. */
    boolean isFrozen() {
        return FastLaneLayout.isFrozen(FastLaneLayout.headVolatile(memory));
    }

    /** Drops every item of a frozen, closed lane (the head moves to the tail); returns how many. */
    long dropAll() {
        long head = FastLaneLayout.headVolatile(memory);
        long h = FastLaneLayout.headTicket(head);
        long t = FastLaneLayout.tailTicket(FastLaneLayout.tailVolatile(memory), h);
        if (t - h > SLOTS) {
            throw broken.apply(Damage.POSITION, "the fast lane's tail is " + (t - h) + " tickets past its head");
        }
        FastLaneLayout.casHead(memory, head, FastLaneLayout.head(t, true)); // frozen: no one else moves it
        return t - h;
    }

    // ---- stages ----

    private synchronized Stage ownStage() {
        if (own == null && putsUntilStageSearch-- <= 0) {
            own = findStage();
            if (own == null) {
                putsUntilStageSearch = PUTS_BETWEEN_STAGE_SEARCHES;
            }
        }
        return own;
    }

    /**
     * A free stage, or one whose process died, or that a lane of this process dropped, with none
     * of its items left in the lane; null if none.
     */
    private Stage findStage() {
        long self = ProcessIdentity.self().word();
        for (int k = 0; k < FastLaneLayout.STAGES; k++) {
            if (FastLaneLayout.ownerVolatile(memory, k) == 0 && FastLaneLayout.casOwner(memory, k, 0, self)) {
                return openStage(k, self);
            }
        }
        for (int k = 0; k < FastLaneLayout.STAGES; k++) {
            long owner = FastLaneLayout.ownerVolatile(memory, k);
            boolean droppedHere = owner == self && !HELD_HERE.contains(heldKey(k));
            if ((droppedHere || owner != self && !ProcessIdentity.isAlive(owner)) && !referenced(k)
                    && (droppedHere ? HELD_HERE.add(heldKey(k)) : FastLaneLayout.casOwner(memory, k, owner, self))) {
                return openStage(k, self);
            }
        }
        return null;
    }

    private String heldKey(int k) {
        return heldKey(queueName, k);
    }

    private static String heldKey(String queue, int k) {
        return queue + "#" + k;
    }

    private Stage openStage(int k, long self) {
        HELD_HERE.add(heldKey(k));
        ownIndex.set(k);
        try {
            if (stageBytes[k] == null) {
                SharedSegment segment = SharedSegment.openOrCreateBeside(queueName, stageSuffix(k), FastLaneLayout.STAGE_BYTES);
                if (segment.memory().byteSize() < FastLaneLayout.STAGE_BYTES) {
                    segment.close();
                    throw new IOException("stage " + k + " holds " + segment.memory().byteSize() + " bytes");
                }
                stageSegments[k] = segment;
                stageBytes[k] = segment.memory();
            }
            return new Stage(k, stageBytes[k]);
        } catch (IOException | SharedMemoryFullException e) {
            ownIndex.set(-1);
            HELD_HERE.remove(heldKey(k));
            FastLaneLayout.casOwner(memory, k, self, 0); // the slow lane takes this process's items
            return null;
        }
    }

    /** True if an item in the lane is in stage {@code k}. */
    private boolean referenced(int k) {
        long h = FastLaneLayout.headTicket(FastLaneLayout.headVolatile(memory));
        long tail = FastLaneLayout.tailVolatile(memory);
        long t = FastLaneLayout.tailTicket(tail, h);
        if (t > h && FastLaneLayout.stageOf(FastLaneLayout.lastRef(tail)) == k) {
            return true; // the last claim, whose slot may not be published yet
        }
        for (long ticket = h; ticket < t && ticket - h <= SLOTS; ticket++) {
            long slot = FastLaneLayout.slotVolatile(slots, ticket);
            if (FastLaneLayout.holds(slot, ticket) && FastLaneLayout.stageOf(FastLaneLayout.slotRef(slot)) == k) {
                return true;
            }
        }
        return false;
    }

    private static String stageSuffix(int k) {
        return "stage-" + k;
    }

    private MemorySegment stageForReading(int k) {
        MemorySegment bytes = stageBytes[k];
        return bytes != null ? bytes : mapStage(k);
    }

    private synchronized MemorySegment mapStage(int k) {
        if (stageBytes[k] == null) {
            try {
                SharedSegment segment = SharedSegment.open(queueName + "-" + stageSuffix(k));
                if (segment.memory().byteSize() < FastLaneLayout.STAGE_BYTES) {
                    segment.close();
                    throw broken.apply(Damage.REFERENCE, "the queue's stage " + k + " is too small");
                }
                stageSegments[k] = segment;
                stageBytes[k] = segment.memory();
            } catch (IOException e) {
                throw new IllegalStateException("the queue's stage " + k + " is gone (the process that made the queue"
                        + " ended, and with it what it held beside it)", e);
            }
        }
        return stageBytes[k];
    }
}
