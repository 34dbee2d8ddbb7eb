package dev.spindle.internal.queue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a queue's fast lane ({@link FastLane}): words in the queue segment's header
 * ({@link QueueLayout}), a ring of slots after its byte ring, and stages beside the segment.
 *
 * <pre>
 * 512  long tail      ticket (TICKET_BITS, modulo) &lt;&lt; 21 | slow (1 bit) &lt;&lt; 20 | ref (20 bits):
 *                     the next ticket, whether puts go the slow lane, and where the item of the
 *                     last ticket claimed is staged; a put's commit is the CAS that moves it
 * 576  long head      ticket &lt;&lt; 1 | frozen: the next ticket to take; a get's commit is the CAS
 *                     that moves it; frozen by an immediate shutdown, after which no get moves it
 * 640  long[STAGES]   owners: the process ({@code ProcessIdentity} word) that stages items in
 *                     stage k; 0 while none has
 * RING + capacity     SLOTS slots of a long: tag (ticket + 1, modulo) &lt;&lt; 20 | ref, published for
 *                     a ticket once its tag says so
 * QUEUE-stage-k       a segment beside the queue's, STAGE_BYTES: items, each
 *                     {@code [int length][int kind]} and its bytes, padded to 8
 * </pre>
 * A ref is {@code stage << 15 | offset / 8}. Tickets are counted modulo 2^TICKET_BITS in the
 * tail and the slots (the head keeps the whole count): differences between live tickets are at
 * most SLOTS, so comparing them modulo is exact.
 *
 * <p>Each accessor's name says its memory mode; every word is read and written volatile or by
 * CAS: the lane's order comes from them alone. A stage's items are plain, published by the CAS
 * of the tail that follows their writing.
 */
final class FastLaneLayout {
    static final long TAIL = 512;
    static final long HEAD = 576;
    static final long OWNERS = 640;

    /** Slots in the ring: the most items the fast lane holds. */
    static final int SLOTS = 1 << 16;
    /** Stages: the most processes that put through the fast lane at once. */
    static final int STAGES = 32;
    /** Bytes of a stage. */
    static final int STAGE_BYTES = 1 << 20;

    static final int TICKET_BITS = 41;
    static final long TICKET_MASK = (1L << TICKET_BITS) - 1;
    private static final int REF_BITS = 22;
    private static final long REF_MASK = (1L << REF_BITS) - 1;
    private static final long SLOW = 1L << REF_BITS;
    private static final int TAIL_TICKET_SHIFT = REF_BITS + 1;
    private static final int OFFSET_BITS = 17;
    private static final long FROZEN = 1;

    private static final int SLOTS_PER_LINE = 8;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private FastLaneLayout() {}

    /** The bytes the slots take after the byte ring. */
    static long slotsBytes() {
        return (long) SLOTS * Long.BYTES;
    }

    /** The slots of a segment whose byte ring holds {@code capacity} bytes. */
    static MemorySegment slots(MemorySegment memory, int capacity) {
        return memory.asSlice(QueueLayout.RING + capacity, slotsBytes());
    }

    // ---- refs ----

    static int ref(int stage, int offset) {
        return stage << OFFSET_BITS | offset >>> 3;
    }

    static int stageOf(long ref) {
        return (int) (ref >>> OFFSET_BITS) & (STAGES - 1);
    }

    static int offsetOf(long ref) {
        return (int) (ref & ((1 << OFFSET_BITS) - 1)) << 3;
    }

    // ---- the tail ----

    static long tailVolatile(MemorySegment memory) {
        return (long) LONG.getVolatile(memory, TAIL);
    }

    static boolean casTail(MemorySegment memory, long expected, long value) {
        return LONG.compareAndSet(memory, TAIL, expected, value);
    }

    static long tail(long ticket, boolean slow, long ref) {
        return (ticket & TICKET_MASK) << TAIL_TICKET_SHIFT | (slow ? SLOW : 0) | (ref & REF_MASK);
    }

    /** The tail's ticket, whole, given the head's {@code head} (the tail is never more than SLOTS ahead). */
    static long tailTicket(long tail, long head) {
        return head + (((tail >>> TAIL_TICKET_SHIFT) - head) & TICKET_MASK);
    }

    static boolean isSlow(long tail) {
        return (tail & SLOW) != 0;
    }

    static long lastRef(long tail) {
        return tail & REF_MASK;
    }

    static long withSlow(long tail, boolean slow) {
        return slow ? tail | SLOW : tail & ~SLOW;
    }

    // ---- the head ----

    static long headVolatile(MemorySegment memory) {
        return (long) LONG.getVolatile(memory, HEAD);
    }

    static boolean casHead(MemorySegment memory, long expected, long value) {
        return LONG.compareAndSet(memory, HEAD, expected, value);
    }

    static long head(long ticket, boolean frozen) {
        return ticket << 1 | (frozen ? FROZEN : 0);
    }

    static long headTicket(long head) {
        return head >>> 1;
    }

    static boolean isFrozen(long head) {
        return (head & FROZEN) != 0;
    }

    // ---- slots ----

    static long slotVolatile(MemorySegment slots, long ticket) {
        return (long) LONG.getVolatile(slots, slotAt(ticket));
    }

    static boolean casSlot(MemorySegment slots, long ticket, long expected, long value) {
        return LONG.compareAndSet(slots, slotAt(ticket), expected, value);
    }

    /**
     * Where the slot of {@code ticket} is: consecutive tickets' slots are a cache line apart (8
     * lines in turn), so that a put publishing one slot does not take the line from a get reading
     * the one before.
     */
    private static long slotAt(long ticket) {
        long index = ticket & (SLOTS - 1);
        return ((index & (SLOTS_PER_LINE - 1)) * (SLOTS / SLOTS_PER_LINE) + (index >>> 3)) * Long.BYTES;
    }

    static long slot(long ticket, long ref) {
        return ((ticket + 1) & TICKET_MASK) << REF_BITS | (ref & REF_MASK);
    }

    static long slotRef(long slot) {
        return slot & REF_MASK;
    }

    /** True if {@code slot} holds the item of {@code ticket}. */
    static boolean holds(long slot, long ticket) {
        return slot >>> REF_BITS == ((ticket + 1) & TICKET_MASK);
    }

    /** True if {@code slot} holds an item older than {@code ticket}'s, or none yet. */
    static boolean isBefore(long slot, long ticket) {
        return (((slot >>> REF_BITS) - (ticket + 1)) & TICKET_MASK) > TICKET_MASK / 2;
    }

    // ---- stage owners ----

    static long ownerVolatile(MemorySegment memory, int stage) {
        return (long) LONG.getVolatile(memory, OWNERS + (long) stage * Long.BYTES);
    }

    static boolean casOwner(MemorySegment memory, int stage, long expected, long value) {
        return LONG.compareAndSet(memory, OWNERS + (long) stage * Long.BYTES, expected, value);
    }
}
