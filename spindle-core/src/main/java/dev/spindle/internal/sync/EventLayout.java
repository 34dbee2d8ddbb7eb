package dev.spindle.internal.sync;

import dev.spindle.internal.shm.SegmentHeader;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process event's segment (version 1).
 *
 * <pre>
 * 0   SegmentHeader  magic 'SEVT', version
 * 8   int flag         1 raised, 0 lowered
 * 12  int generation   the futex word waiters sleep on: bumped by each set that raises the flag
 * 16  int waiters      nonzero while a waiter may be asleep, so that a set without waiters
 *                      makes no system call
 * </pre>
 * Every access is volatile (sequentially consistent): a setter writes the flag and the
 * generation before it reads {@code waiters}, a waiter counts itself in {@code waiters} before
 * it re-reads them, so one of the two always sees the other (no lost wake-up); the futex call
 * itself re-checks the generation.
 */
final class EventLayout {
    static final long FLAG = 8;
    static final long GENERATION = 12;
    static final long WAITERS = 16;
    static final long SIZE = 64;
    static final SegmentHeader HEADER = new SegmentHeader("event", "Event", 0x53455654, 1, SIZE);

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private EventLayout() {}

    static int flagVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, FLAG);
    }

    static boolean raiseVolatile(MemorySegment memory) {
        return INT.compareAndSet(memory, FLAG, 0, 1);
    }

    static void lowerVolatile(MemorySegment memory) {
        INT.setVolatile(memory, FLAG, 0);
    }

    static int generationVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, GENERATION);
    }

    static void bumpGenerationVolatile(MemorySegment memory) {
        INT.getAndAdd(memory, GENERATION, 1);
    }

    static int waitersVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, WAITERS);
    }

    static void addWaiterVolatile(MemorySegment memory, int delta) {
        INT.getAndAdd(memory, WAITERS, delta);
    }
}
