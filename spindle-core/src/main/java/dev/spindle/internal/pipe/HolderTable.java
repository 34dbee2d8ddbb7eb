package dev.spindle.internal.pipe;

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
                if (PipeLayout.holderVolatile(memory, end, slot) == identity && incrementIfLive(end, slot)) {
                    return;
                }
            }
            for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
                if (PipeLayout.casHolderVolatile(memory, end, slot, FREE, identity | CLAIMING)) {
                    PipeLayout.setRefsVolatile(memory, end, slot, 1);
                    PipeLayout.setHolderVolatile(memory, end, slot, identity);
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
            if (PipeLayout.holderVolatile(memory, end, slot) == identity) {
                if (PipeLayout.addRefsVolatile(memory, end, slot, -1) == 1) {
                    free(end, slot);
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
            if (PipeLayout.holderVolatile(memory, end, slot) == identity) {
                return true;
            }
        }
        return false;
    }

    /** True if some slot of {@code end} is in use; cheap, no liveness check. */
    boolean anyHolder(int end) {
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            if (PipeLayout.holderVolatile(memory, end, slot) != FREE) {
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
            long holder = PipeLayout.holderVolatile(memory, end, slot);
            if (holder != FREE && !ProcessIdentity.isAlive(holder)
                    && PipeLayout.casHolderVolatile(memory, end, slot, holder, FREE)) {
                cleared = true; // its count is stale; a claimer sets a fresh one before publishing
            }
        }
        return cleared;
    }

    private boolean incrementIfLive(int end, int slot) {
        while (true) {
            int refs = PipeLayout.refsVolatile(memory, end, slot);
            if (refs <= 0) {
                return false; // being freed: take a new slot
            }
            if (PipeLayout.casRefsVolatile(memory, end, slot, refs, refs + 1)) {
                return true;
            }
        }
    }

    private void free(int end, int slot) {
        PipeLayout.setRefsVolatile(memory, end, slot, 0);
        PipeLayout.setHolderVolatile(memory, end, slot, FREE);
    }
}
