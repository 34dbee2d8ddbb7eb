package dev.spindle.internal.sync;

import dev.spindle.internal.nativeio.Futex;
import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.travel.Travel;
import dev.spindle.sync.Event;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.time.Duration;

/**
 * An {@link Event} in shared memory ({@link EventLayout}), for threads of any process that holds
 * it (Python's {@code multiprocessing.Event}). Waiting is a futex wait on the generation word, in
 * slices so that an interrupt of a platform thread is seen; a waiting virtual thread leaves its
 * carrier ({@link Futex}).
 *
 * <p>Lifetime, as CPython's: the segment belongs to the process that made the event. It is
 * removed when that process's event becomes unreachable, or when that process ends (the resource
 * tracker removes what a killed one left). Copies in other processes map it while they are
 * reachable; a copy that arrives after its maker removed it fails to attach, saying so.
 */
public final class SharedEvent implements Event {
    static {
        Travel.register(SharedEvent.class, (event, journey) -> new Ref(event.segment.name()));
    }

    private static final String KIND = "event";
    private static final Cleaner CLEANER = Cleaner.create(task -> {
        Thread thread = new Thread(task, "spindle-event-cleaner");
        thread.setDaemon(true);
        return thread;
    });
    /** How long a platform thread sleeps before it looks for an interrupt. */
    private static final long SLICE_NANOS = 50_000_000;
    private static final int WAKE_ALL = Integer.MAX_VALUE;

    /** The form in which an event crosses to another process: its segment's name. */
    record Ref(String segmentName) implements Travel.Arrival {
        @Override
        public SharedEvent arrive() throws IOException {
            return open(segmentName);
        }
    }

    private final SharedSegment segment;
    private final MemorySegment memory;

    private SharedEvent(SharedSegment segment, boolean owner) {
        this.segment = segment;
        this.memory = segment.memory();
        CLEANER.register(this, owner ? () -> {
            segment.unlink();
            segment.close();
        } : segment::close);
    }

    /** A new event, lowered, owned by this process. */
    public static SharedEvent create() {
        SharedSegment segment = SharedSegment.create(KIND, EventLayout.SIZE);
        EventLayout.initialize(segment.memory());
        return new SharedEvent(segment, true);
    }

    private static SharedEvent open(String name) throws IOException {
        SharedSegment segment;
        try {
            segment = SharedSegment.open(name);
        } catch (IOException e) {
            throw new IOException("cannot attach an Event: its segment " + name + " is gone (the process that made it"
                    + " dropped or closed it, or ended; keep it reachable there while others may still receive it)", e);
        }
        try {
            EventLayout.validate(segment.memory());
        } catch (IllegalStateException e) {
            segment.close();
            throw new IOException(e.getMessage(), e);
        }
        return new SharedEvent(segment, false);
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
    public void await() throws InterruptedException {
        awaitNanos(Long.MAX_VALUE);
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
        long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
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
