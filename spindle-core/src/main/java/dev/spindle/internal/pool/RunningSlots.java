package dev.spindle.internal.pool;

import dev.spindle.internal.shm.SharedSegment;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Which task each worker process of a pool is running, in shared memory, so that the parent knows
 * exactly which task a dead worker was running (that one fails; the ones queued behind it run
 * elsewhere) and since when (for timeouts).
 *
 * <pre>
 * slot i, at 16 * i:  +0 long  seq of the running task, 0 when none (written last, release)
 *                     +8 long  System.nanoTime() when it started (CLOCK_MONOTONIC: same clock in
 *                              every process of this machine)
 * </pre>
 *
 * A reader that races a writer may pair an older seq with a newer start time: that only delays a
 * timeout, never fires one early.
 */
final class RunningSlots implements AutoCloseable {
    private static final long SLOT_BYTES = 16;
    private static final long START_OFFSET = 8;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    /** What a slot says. */
    record Running(long seq, long startNanos) {}

    private final SharedSegment segment;
    private final MemorySegment memory;

    private RunningSlots(SharedSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
    }

    /** Creates the slots of a pool of {@code workers} workers. */
    static RunningSlots create(int workers) {
        return new RunningSlots(SharedSegment.create("pool", SLOT_BYTES * Math.max(1, workers)));
    }

    /** Maps a pool's slots in a worker. */
    static RunningSlots open(String name) throws IOException {
        return new RunningSlots(SharedSegment.open(name));
    }

    String name() {
        return segment.name();
    }

    /** Worker side: task {@code seq} starts now. */
    void started(int slot, long seq) {
        LONG.set(memory, slot * SLOT_BYTES + START_OFFSET, System.nanoTime());
        LONG.setRelease(memory, slot * SLOT_BYTES, seq);
    }

    /** Worker side, or parent side before a new worker uses the slot: nothing runs. */
    void clear(int slot) {
        LONG.setRelease(memory, slot * SLOT_BYTES, 0L);
    }

    /** Parent side: the task running in {@code slot}, seq 0 if none. */
    Running running(int slot) {
        long seq = (long) LONG.getAcquire(memory, slot * SLOT_BYTES);
        long start = (long) LONG.getAcquire(memory, slot * SLOT_BYTES + START_OFFSET);
        return new Running(seq, start);
    }

    /** Removes the name; mappings stay valid. */
    void unlink() {
        segment.unlink();
    }

    @Override
    public void close() {
        segment.close();
    }
}
