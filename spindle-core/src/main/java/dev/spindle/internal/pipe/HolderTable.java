package dev.spindle.internal.pipe;

import static dev.spindle.internal.pipe.PipeLayout.INT;
import static dev.spindle.internal.pipe.PipeLayout.LONG;

import dev.spindle.internal.track.ProcessIdentity;
import java.lang.foreign.MemorySegment;

/**
 * Which processes hold each end of a pipe, and how many handles each has: an end is closed for
 * its peer once no live process holds it. A slot is claimed by a CAS of its pid from 0 to
 * {@link #CLAIMING}, filled, then published by a volatile store of the real pid; readers treat
 * a slot being claimed as live. Holders that died without closing are found by their identity
 * (pid and start time) and cleared by whoever checks liveness.
 */
final class HolderTable {
    private static final int FREE = 0;
    private static final int CLAIMING = -1;

    private final MemorySegment memory;

    HolderTable(MemorySegment memory) {
        this.memory = memory;
    }

    /** Adds one reference of {@code holder} to {@code end}. */
    void add(int end, ProcessIdentity holder) {
        int pid = (int) holder.pid();
        while (true) {
            for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
                long at = PipeLayout.slotOffset(end, slot);
                if (isHolder(at, pid, holder.startTicks()) && incrementIfLive(at)) {
                    return;
                }
            }
            for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
                long at = PipeLayout.slotOffset(end, slot);
                if (INT.compareAndSet(memory, at + PipeLayout.SLOT_PID, FREE, CLAIMING)) {
                    LONG.setVolatile(memory, at + PipeLayout.SLOT_START, holder.startTicks());
                    INT.setVolatile(memory, at + PipeLayout.SLOT_REFS, 1);
                    INT.setVolatile(memory, at + PipeLayout.SLOT_PID, pid);
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
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            long at = PipeLayout.slotOffset(end, slot);
            if (isHolder(at, (int) holder.pid(), holder.startTicks())) {
                if ((int) INT.getAndAdd(memory, at + PipeLayout.SLOT_REFS, -1) == 1) {
                    free(at);
                }
                return true;
            }
        }
        return false;
    }

    /** True if {@code holder} has a reference to {@code end} (registered for it by a sender). */
    boolean holds(int end, ProcessIdentity holder) {
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            if (isHolder(PipeLayout.slotOffset(end, slot), (int) holder.pid(), holder.startTicks())) {
                return true;
            }
        }
        return false;
    }

    /** True if some slot of {@code end} is in use; cheap, no liveness check. */
    boolean anyHolder(int end) {
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            if ((int) INT.getVolatile(memory, PipeLayout.slotOffset(end, slot) + PipeLayout.SLOT_PID) != FREE) {
                return true;
            }
        }
        return false;
    }

    /** Clears the slots of {@code end} whose process has died; returns whether any was cleared. */
    boolean clearDead(int end) {
        boolean cleared = false;
        for (int slot = 0; slot < PipeLayout.HOLDER_SLOTS; slot++) {
            long at = PipeLayout.slotOffset(end, slot);
            int pid = (int) INT.getVolatile(memory, at + PipeLayout.SLOT_PID);
            if (pid > 0) {
                long start = (long) LONG.getVolatile(memory, at + PipeLayout.SLOT_START);
                if (!new ProcessIdentity(pid, start).isAlive()
                        && INT.compareAndSet(memory, at + PipeLayout.SLOT_PID, pid, CLAIMING)) {
                    free(at);
                    cleared = true;
                }
            }
        }
        return cleared;
    }

    private boolean isHolder(long at, int pid, long startTicks) {
        return (int) INT.getVolatile(memory, at + PipeLayout.SLOT_PID) == pid
                && (long) LONG.getVolatile(memory, at + PipeLayout.SLOT_START) == startTicks;
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
        LONG.setVolatile(memory, at + PipeLayout.SLOT_START, 0L);
        INT.setVolatile(memory, at + PipeLayout.SLOT_PID, FREE);
    }
}
