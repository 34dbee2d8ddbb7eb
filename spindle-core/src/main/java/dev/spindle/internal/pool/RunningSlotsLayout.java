package dev.spindle.internal.pool;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a pool's running-slots segment ({@link RunningSlots}), version 1.
 *
 * <pre>
 * 0          header   int magic 'SRUN' | int version | int slots
 * 64 + 16*i  slot i   +0 long run    0: nothing runs; S > 0: task S runs; S | ABORTED: the parent
 *                                    has claimed the right to kill the worker inside task S
 *                     +8 long start  System.nanoTime() when the run started (CLOCK_MONOTONIC, the
 *                                    same clock in every process of this machine)
 * </pre>
 * The worker stores start plainly, then run with release; the parent reads run, then start, with
 * acquire; run changes otherwise only by compare-and-set.
 */
final class RunningSlotsLayout {
    static final int MAGIC = 0x5352554E;
    static final int VERSION = 1;
    static final long MAGIC_OFFSET = 0;
    static final long VERSION_OFFSET = 4;
    static final long SLOTS_OFFSET = 8;
    static final long HEADER_BYTES = 64;
    static final long SLOT_BYTES = 16;
    static final long RUN = 0;
    static final long START = 8;
    /** Set in a run word once the parent has claimed the kill of that run. */
    static final long ABORTED = Long.MIN_VALUE;
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private RunningSlotsLayout() {}

    static long segmentSize(int slots) {
        return HEADER_BYTES + SLOT_BYTES * slots;
    }

    /** Writes the header of a new segment; the magic last, so a reader never sees a half-made header as valid. */
    static void initialize(MemorySegment memory, int slots) {
        INT.setVolatile(memory, VERSION_OFFSET, VERSION);
        INT.setVolatile(memory, SLOTS_OFFSET, slots);
        INT.setVolatile(memory, MAGIC_OFFSET, MAGIC);
    }

    /**
     * The slot count of a segment made by {@link #initialize}.
     *
     * @throws IllegalStateException if it is not one of this version
     */
    static int validate(MemorySegment memory) {
        int magic = (int) INT.getVolatile(memory, MAGIC_OFFSET);
        int version = (int) INT.getVolatile(memory, VERSION_OFFSET);
        if (magic != MAGIC || version != VERSION) {
            throw new IllegalStateException("not a Spindle pool segment of version " + VERSION + " (magic "
                    + Integer.toHexString(magic) + ", version " + version + ")");
        }
        return (int) INT.getVolatile(memory, SLOTS_OFFSET);
    }

    /** Where slot {@code slot} of {@code slots} begins. */
    static long slotOffset(int slot, int slots) {
        if (slot < 0 || slot >= slots) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + slots);
        }
        return HEADER_BYTES + slot * SLOT_BYTES;
    }
}
