package dev.spindle.internal.sync;

import dev.spindle.internal.shm.ObjectSegment;

import dev.spindle.internal.waits.Waits;
import dev.spindle.internal.nativeio.AdaptiveSpin;
import dev.spindle.internal.nativeio.Futex;
import dev.spindle.sync.Event;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * An {@link Event} in shared memory ({@link EventLayout}), for threads of any process that holds
 * it (Python's {@code multiprocessing.Event}). Waiting spins briefly while that pays
 * ({@link AdaptiveSpin}), then is a futex wait on the generation word, in
 * slices so that an interrupt of a platform thread is seen; a waiting virtual thread leaves its
 * carrier ({@link Futex}).
 *
 * <p>Lifetime: {@link ObjectSegment}'s — the process that made it owns it, as in CPython.
 */
public final class SharedEvent implements Event {
    static {
        ObjectSegment.register(SharedEvent.class, EventLayout.HEADER, SharedEvent::new, primitive -> primitive.segment);
    }

    /** How long a platform thread sleeps before it looks for an interrupt. */
    private static final long SLICE_NANOS = 50_000_000;
    private static final int WAKE_ALL = Integer.MAX_VALUE;

    private final ObjectSegment segment;
    private final MemorySegment memory;
    /** How this process's waiters spin; shared by its threads, a hint only. */
    private final AdaptiveSpin spin = new AdaptiveSpin();

    private SharedEvent(ObjectSegment segment) {
        this.segment = segment;
        this.memory = segment.memory();
    }

    /** A new event, lowered, owned by this process. */
    public static SharedEvent create() {
        return ObjectSegment.create(EventLayout.HEADER, memory -> { }, SharedEvent::new);
    }

    @Override
    public boolean isSet() {
        return EventLayout.flagVolatile(memory) != 0;
    }

    @Override
    public void set() {
        if (EventLayout.raiseVolatile(memory)) {
            EventLayout.bumpGenerationVolatile(memory);
            if (EventLayout.waitersVolatile(memory) != 0) {
                Futex.wake(memory, EventLayout.GENERATION, WAKE_ALL);
            }
        }
    }

    @Override
    public void clear() {
        EventLayout.lowerVolatile(memory);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos(Math.max(0, Waits.nanos(timeout)));
    }

    private boolean awaitNanos(long nanos) throws InterruptedException {
        int seen = EventLayout.generationVolatile(memory);
        if (isSet()) {
            return true;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for an Event");
        }
        long start = System.nanoTime();
        try {
            return awaitChange(seen, start, Waits.deadlineAfter(nanos));
        } finally {
            spin.waited(System.nanoTime() - start);
        }
    }

    /** Spins while that pays, then sleeps in slices, until the generation moves past {@code seen}. */
    private boolean awaitChange(int seen, long start, long deadline) throws InterruptedException {
        long spinUntil = start + Math.min(spin.spinNanos(), deadline - start);
        while (System.nanoTime() - spinUntil < 0) {
            if (EventLayout.generationVolatile(memory) != seen || isSet()) {
                return true;
            }
            Thread.onSpinWait();
        }
        while (true) {
            long left = deadline == Long.MAX_VALUE ? SLICE_NANOS : deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            EventLayout.addWaiterVolatile(memory, 1);
            try {
                if (EventLayout.generationVolatile(memory) != seen || isSet()) {
                    return true;
                }
                Futex.await(memory, EventLayout.GENERATION, seen, Math.min(left, SLICE_NANOS));
            } finally {
                EventLayout.addWaiterVolatile(memory, -1);
            }
            if (EventLayout.generationVolatile(memory) != seen || isSet()) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for an Event");
            }
        }
    }

    /** Waiters counted in the segment: for tests of this package, to know a waiter is inside its wait. */
    int waiters() {
        return EventLayout.waitersVolatile(memory);
    }

    /** The segment's name: for tests of this package. */
    String segmentName() {
        return segment.name();
    }

    @Override
    public String toString() {
        return "Event[" + (isSet() ? "set" : "unset") + ", shared by processes]";
    }
}
