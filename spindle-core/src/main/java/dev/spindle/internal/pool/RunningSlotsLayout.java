package dev.spindle.internal.pool;

import dev.spindle.internal.shm.SegmentHeader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a pool's running-slots segment ({@link RunningSlots}), version 2.
 *
 * <pre>
 * 0          SegmentHeader  magic 'SRUN', version
 * 8          int slots
 * 64 + 64*i  slot i   +0 long run    0: nothing runs; S > 0: task S runs; S | ABORTED: the parent
 *                                    has claimed the right to kill the worker inside task S
 *                     +8 long start  System.nanoTime() when the run started (CLOCK_MONOTONIC, the
 *                                    same clock in every process of this machine)
 *                     +16 long[6]    the worker's {@link WorkerTimes} (a pool that records insights)
 * </pre>
 * The worker stores start plainly, then run with release; the parent reads run, then start, with
 * acquire; run changes otherwise only by compare-and-set. The times have one writer, the worker,
 * and are written and read opaque: a reader wants recent totals, not an order. A slot is one cache
 * line, so workers do not share lines. The slot count is written before the SegmentHeader and read
 * volatile.
 */
final class RunningSlotsLayout {
    static final long SLOTS = 8;
    static final long HEADER_BYTES = 64;
    static final long SLOT_BYTES = 64;
    static final long RUN = 0;
    static final long START = 8;
    static final long TIMES = 16;
    /** Its size is the part before the slots, which every pool's segment holds ({@link #segmentSize}). */
    static final SegmentHeader HEADER = new SegmentHeader("pool", "pool", 0x5352554E, 2, HEADER_BYTES);
    /** Set in a run word once the parent has claimed the kill of that run. */
    static final long ABORTED = Long.MIN_VALUE;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private RunningSlotsLayout() {}

    static long segmentSize(int slots) {
        return HEADER_BYTES + SLOT_BYTES * slots;
    }

    /** Writes the header of a new segment, the SegmentHeader last: a segment that has one has its slot count. */
    static void initialize(MemorySegment memory, int slots) {
        INT.setVolatile(memory, SLOTS, slots);
        HEADER.write(memory);
    }

    static int slotsVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, SLOTS);
    }

    private static long slotOffset(int slot) {
        return HEADER_BYTES + slot * SLOT_BYTES;
    }

    static long runAcquire(MemorySegment memory, int slot) {
        return (long) LONG.getAcquire(memory, slotOffset(slot) + RUN);
    }

    static void setRunRelease(MemorySegment memory, int slot, long run) {
        LONG.setRelease(memory, slotOffset(slot) + RUN, run);
    }

    static boolean casRunVolatile(MemorySegment memory, int slot, long expected, long run) {
        return LONG.compareAndSet(memory, slotOffset(slot) + RUN, expected, run);
    }

    static long startAcquire(MemorySegment memory, int slot) {
        return (long) LONG.getAcquire(memory, slotOffset(slot) + START);
    }

    static void setStartPlain(MemorySegment memory, int slot, long nanos) {
        LONG.set(memory, slotOffset(slot) + START, nanos);
    }

    static long timeOpaque(MemorySegment memory, int slot, int field) {
        return (long) LONG.getOpaque(memory, slotOffset(slot) + TIMES + (long) field * Long.BYTES);
    }

    static void setTimeOpaque(MemorySegment memory, int slot, int field, long value) {
        LONG.setOpaque(memory, slotOffset(slot) + TIMES + (long) field * Long.BYTES, value);
    }
}
