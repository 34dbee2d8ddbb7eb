package dev.spindle.internal.queue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.LongSupplier;

/**
 * This process's stage in a queue's fast lane ({@link FastLaneLayout}): the segment where its
 * putters write items before a ticket makes them the queue's. The bytes are used as a ring, in
 * the order they are handed out; an item's bytes come back once the lane's head has passed its
 * ticket (a getter copies an item before its commit moves the head), or at once if its put went
 * another way. Only this process writes here, its threads one at a time (the methods are
 * synchronized); getters of any process read.
 */
final class Stage {
    /** A record's ticket while its put has not claimed one. */
    private static final long UNCLAIMED = -1;
    /** A record's ticket once its put gave the bytes back. */
    private static final long RELEASED = -2;

    /** Which stage of the lane this is. */
    final int index;
    private final MemorySegment bytes;
    /** Positions (bytes ever handed out, and ever given back): the ring's tail and head. */
    private long handedOut;
    private long givenBack;
    /** Records from the oldest, a ring of their end positions and tickets. */
    private long[] ends = new long[64];
    private long[] tickets = new long[64];
    private long firstRecord;
    private long nextRecord;

    Stage(int index, MemorySegment bytes) {
        this.index = index;
        this.bytes = bytes;
    }

    /**
     * Writes an item (its header and {@code payload}) where no reader looks and returns its
     * record; null if there is no room while the lane's head is at {@code head} (read only when
     * room is short).
     */
    synchronized Staged write(byte[] payload, LongSupplier head) {
        long footprint = QueueLayout.footprint(payload.length);
        int offset = (int) (handedOut % FastLaneLayout.STAGE_BYTES);
        long skip = offset + footprint > FastLaneLayout.STAGE_BYTES ? FastLaneLayout.STAGE_BYTES - offset : 0;
        if (handedOut - givenBack + skip + footprint > FastLaneLayout.STAGE_BYTES) {
            giveBackPassed(head.getAsLong());
            if (handedOut - givenBack + skip + footprint > FastLaneLayout.STAGE_BYTES) {
                return null;
            }
        }
        offset = skip == 0 ? offset : 0;
        QueueLayout.setItemHeaderPlain(bytes, offset, payload.length, ItemRing.INLINE);
        MemorySegment.copy(payload, 0, bytes, ValueLayout.JAVA_BYTE, offset + QueueLayout.ITEM_HEADER, payload.length);
        handedOut += skip + footprint;
        if (nextRecord - firstRecord == ends.length) {
            grow();
        }
        int at = (int) (nextRecord % ends.length);
        ends[at] = handedOut;
        tickets[at] = UNCLAIMED;
        return new Staged(nextRecord++, FastLaneLayout.ref(index, offset));
    }

    /** The put of {@code staged} claimed {@code ticket}: its bytes come back once the head passes it. */
    synchronized void claimed(Staged staged, long ticket) {
        tickets[(int) (staged.record() % ends.length)] = ticket;
    }

    /** The put of {@code staged} went another way: its bytes come back. */
    synchronized void release(Staged staged) {
        tickets[(int) (staged.record() % ends.length)] = RELEASED;
    }

    private void giveBackPassed(long head) {
        while (firstRecord < nextRecord) {
            int at = (int) (firstRecord % ends.length);
            long ticket = tickets[at];
            if (ticket != RELEASED && (ticket == UNCLAIMED || ticket >= head)) {
                return;
            }
            givenBack = ends[at];
            firstRecord++;
        }
    }

    private void grow() {
        long[] moreEnds = new long[ends.length * 2];
        long[] moreTickets = new long[ends.length * 2];
        for (long r = firstRecord; r < nextRecord; r++) {
            moreEnds[(int) (r % moreEnds.length)] = ends[(int) (r % ends.length)];
            moreTickets[(int) (r % moreTickets.length)] = tickets[(int) (r % tickets.length)];
        }
        ends = moreEnds;
        tickets = moreTickets;
    }

    /**
     * An item written into a stage, not yet the queue's.
     *
     * @param record its record, in the order of the stage's
     * @param ref where it is, as the lane's words carry it
     */
    record Staged(long record, long ref) {}
}
