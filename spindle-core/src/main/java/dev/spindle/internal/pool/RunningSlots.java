package dev.spindle.internal.pool;

import static dev.spindle.internal.pool.RunningSlotsLayout.ABORTED;

import dev.spindle.internal.shm.SharedSegment;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * Which task each worker process of a pool is running, in shared memory, so that the parent knows
 * exactly which task a dead worker was running (that one fails; the ones queued behind it run
 * elsewhere), since when (for timeouts), and so that stopping a task and finishing it cannot both
 * happen. The layout is {@link RunningSlotsLayout}; each accessor's name says its memory mode.
 *
 * <p>The run word is the one point where a worker finishing task S and the parent stopping it meet:
 * the worker's {@link #finishedVolatile} moves it from S to 0, the parent's {@link #tryAbortVolatile}
 * from S to S | ABORTED, and exactly one of the two compare-and-sets wins. A parent that loses
 * kills nothing (the task's result is on its way, or the worker has gone on to another task); a
 * worker that loses sends no result for S and starts no other task. A reader that races a worker
 * starting a run may pair an older seq with a newer start time: that only delays a timeout, never
 * fires one early.
 */
final class RunningSlots implements AutoCloseable {
    /**
     * What a slot says.
     *
     * @param seq        the running task's seq, 0 if none
     * @param startNanos when it started
     * @param aborted    the parent has claimed the kill of this run
     */
    record Running(long seq, long startNanos, boolean aborted) {
        static final Running NONE = new Running(0, 0, false);
    }

    private final SharedSegment segment;
    private final MemorySegment memory;
    private final int slots;

    private RunningSlots(SharedSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
        try {
            RunningSlotsLayout.HEADER.validate(memory);
            this.slots = RunningSlotsLayout.slotsVolatile(memory);
        } catch (IllegalStateException e) {
            segment.close();
            throw e;
        }
    }

    /** Creates the slots of a pool of {@code workers} workers. */
    static RunningSlots create(int workers) {
        int slots = Math.max(1, workers);
        SharedSegment segment = SharedSegment.create(RunningSlotsLayout.HEADER.kind(),
                RunningSlotsLayout.segmentSize(slots));
        RunningSlotsLayout.initialize(segment.memory(), slots);
        return new RunningSlots(segment);
    }

    /** Maps a pool's slots in a worker. */
    static RunningSlots open(String name) throws IOException {
        return new RunningSlots(SharedSegment.open(name));
    }

    String name() {
        return segment.name();
    }

    private int checked(int slot) {
        if (slot < 0 || slot >= slots) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + slots);
        }
        return slot;
    }

    /** Worker side: task {@code seq} starts now (the slot is 0: the last run finished); returns when. */
    long startedRelease(int slot, long seq) {
        long now = System.nanoTime();
        RunningSlotsLayout.setStartPlain(memory, checked(slot), now);
        RunningSlotsLayout.setRunRelease(memory, slot, seq);
        return now;
    }

    /**
     * Worker side: task {@code seq} is over. False if the parent claimed its kill first: the
     * worker must then send no result for it and start nothing more.
     */
    boolean finishedVolatile(int slot, long seq) {
        return RunningSlotsLayout.casRunVolatile(memory, checked(slot), seq, 0L);
    }

    /**
     * Parent side: claims the kill of the worker in {@code slot} while it runs task {@code seq}.
     * True if the worker is inside that task and will not finish it; false if it is not (it
     * finished, or has not started it): then nothing may be killed.
     */
    boolean tryAbortVolatile(int slot, long seq) {
        return RunningSlotsLayout.casRunVolatile(memory, checked(slot), seq, seq | ABORTED);
    }

    /** Parent side, before a new worker uses the slot: nothing runs, and its times start from zero. */
    void clearRelease(int slot) {
        for (int field = 0; field < WorkerTimes.FIELDS; field++) {
            RunningSlotsLayout.setTimeOpaque(memory, checked(slot), field, 0L);
        }
        RunningSlotsLayout.setRunRelease(memory, slot, 0L);
    }

    /** Worker side: publishes the worker's running totals. */
    void publishTimesOpaque(int slot, WorkerTimes times) {
        checked(slot);
        for (int field = 0; field < WorkerTimes.FIELDS; field++) {
            RunningSlotsLayout.setTimeOpaque(memory, slot, field, times.get(field));
        }
    }

    /** Parent side: the totals the worker in {@code slot} last published. */
    WorkerTimes timesOpaque(int slot) {
        checked(slot);
        WorkerTimes times = new WorkerTimes();
        for (int field = 0; field < WorkerTimes.FIELDS; field++) {
            times.set(field, RunningSlotsLayout.timeOpaque(memory, slot, field));
        }
        return times;
    }

    /** Parent side: what runs in {@code slot}. */
    Running runningAcquire(int slot) {
        long run = RunningSlotsLayout.runAcquire(memory, checked(slot));
        long start = RunningSlotsLayout.startAcquire(memory, slot);
        return new Running(run & ~ABORTED, start, (run & ABORTED) != 0);
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
