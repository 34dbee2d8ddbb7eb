package dev.spindle.internal.pipe;

import static dev.spindle.internal.pipe.PipeLayout.INT;
import static dev.spindle.internal.pipe.PipeLayout.LONG;

import dev.spindle.internal.track.ProcessIdentity;
import java.lang.foreign.MemorySegment;

/**
 * Which processes hold each end of a pipe, and how many handles each has: an end is closed for
 * its peer once no live process holds it. A slot is claimed by one CAS of its holder word from 0
 * to the claimer's identity with {@link #CLAIMING} set, so even a slot being filled names who
 * fills it; its count is then set and the flag cleared. Readers treat a slot being claimed as
 * live. Holders that died without closing — also in the middle of a claim — are found by their
 * identity (pid and start time) and cleared by whoever checks liveness.
 */
final class HolderTable {
    private static final long FREE = 0;
    /** Set in a holder word while its claimer fills the slot. */
    static final long CLAIMING = 1L << 31;
    /**
     * Set in a holder word that holds an end in transit: sent by that process in a message whose
     * reader is not known yet. It counts as a holder until the reader attaches the end, or until
     * the sender dies.
     */
    static final long IN_TRANSIT = 1L << 30;

    private final MemorySegment memory;

    HolderTable(MemorySegment memory) {
        this.memory = memory;
    }

    /** Adds one reference of {@code holder} to {@code end}. */
    void add(int end, ProcessIdentity holder) {
        add(end, holder.word());
    }

    /** Adds one in-transit reference to {@code end} on behalf of its sender, {@code sender}. */
    void addInTransit(int end, ProcessIdentity sender) {
        add(end, sender.word() | IN_TRANSIT);
    }

    /** Removes one in-transit reference that {@code senderWord} (an identity word) added; false if none is left. */
    boolean removeInTransit(int end, long senderWord) {
        return remove(end, senderWord | IN_TRANSIT);
    }

    private void add(int end, long identity) {
        while (true) {
            for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
                long at = PipeLayout.slotOffset(end, slot);
                if (holderAt(at) == identity && incrementIfLive(at)) {
                    return;
                }
            }
            for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
                long at = PipeLayout.slotOffset(end, slot);
                if (LONG.compareAndSet(memory, at + PipeLayout.SLOT_HOLDER, FREE, identity | CLAIMING)) {
                    INT.setVolatile(memory, at + PipeLayout.SLOT_REFS, 1);
                    LONG.setVolatile(memory, at + PipeLayout.SLOT_HOLDER, identity);
                    return;
                }
            }
            if (!clearDead(end)) {
                throw new IllegalStateException("more than " + PipeLayout.HOLDER_SLOTS
                        + " processes hold one end of this pipe");
            }
        }
    }

    /** Removes one reference of {@code holder}; returns false if it held none. */
    boolean remove(int end, ProcessIdentity holder) {
        return remove(end, holder.word());
    }

    private boolean remove(int end, long identity) {
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            long at = PipeLayout.slotOffset(end, slot);
            if (holderAt(at) == identity) {
                if ((int) INT.getAndAdd(memory, at + PipeLayout.SLOT_REFS, -1) == 1) {
                    free(at);
                }
                return true;
            }
        }
        return false;
    }

    /** True if {@code holder} itself has a reference to {@code end} (registered for it by a sender); in-transit ones are not its. */
    boolean holds(int end, ProcessIdentity holder) {
        long identity = holder.word();
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            if (holderAt(PipeLayout.slotOffset(end, slot)) == identity) {
                return true;
            }
        }
        return false;
    }

    /** True if some slot of {@code end} is in use; cheap, no liveness check. */
    boolean anyHolder(int end) {
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            if (holderAt(PipeLayout.slotOffset(end, slot)) != FREE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Clears the slots of {@code end} whose process has died, whether it finished claiming its
     * slot or not; returns whether any was cleared.
     */
    boolean clearDead(int end) {
        boolean cleared = false;
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            long at = PipeLayout.slotOffset(end, slot);
            long holder = holderAt(at);
            if (holder != FREE && !ProcessIdentity.isAlive(holder)
                    && LONG.compareAndSet(memory, at + PipeLayout.SLOT_HOLDER, holder, FREE)) {
                cleared = true; // its count is stale; a claimer sets a fresh one before publishing
            }
        }
        return cleared;
    }

    private long holderAt(long at) {
        return (long) LONG.getVolatile(memory, at + PipeLayout.SLOT_HOLDER);
    }

    private boolean incrementIfLive(long at) {
        while (true) {
            int refs = (int) INT.getVolatile(memory, at + PipeLayout.SLOT_REFS);
            if (refs <= 0) {
                return false; // being freed: take a new slot
            }
            if (INT.compareAndSet(memory, at + PipeLayout.SLOT_REFS, refs, refs + 1)) {
                return true;
            }
        }
    }

    private void free(long at) {
        INT.setVolatile(memory, at + PipeLayout.SLOT_REFS, 0);
        LONG.setVolatile(memory, at + PipeLayout.SLOT_HOLDER, FREE);
    }
}
