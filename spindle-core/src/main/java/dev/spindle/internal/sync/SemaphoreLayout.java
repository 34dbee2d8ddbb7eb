package dev.spindle.internal.sync;

import dev.spindle.internal.shm.SegmentHeader;

import dev.spindle.internal.shm.MutexLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process semaphore's segment (version 1).
 *
 * <pre>
 * 0    SegmentHeader  magic 'SSEM', version
 * 8    long guard         a lock word (MutexLayout), held for every change below
 * 16   int  permits       the count; the futex word waiters sleep on
 * 20   int  waiters       nonzero while a waiter may be asleep
 * 24   int  initial       the initial value: a bounded release's limit, the ceiling of returns
 * 28   int  bounded       1 for a BoundedSemaphore
 * 32   int  intent        1 while a change is applied: the redo record below is whole
 * 36   int  intentPermits the count the change leaves
 * 40   int  intentSlot    the holders slot it changes, or -1 for none
 * 44   int  intentHeld    that slot's permits after it
 * 48   long intentProcess the process the slot names after it (0: the slot is free)
 * 64   holders: SLOTS × 16 bytes — long process (ProcessIdentity word, 0 free), int held, int 0
 * </pre>
 * A change (the count, and one slot) is written as a redo record first, then {@code intent} is
 * set, then the change is applied and {@code intent} cleared, all volatile; a process that takes
 * the guard from a holder that died re-applies a record it finds whole, so the count and the
 * table always agree.
 */
final class SemaphoreLayout {
    static final long GUARD = 8;
    static final long PERMITS = GUARD + MutexLayout.SIZE;
    static final long WAITERS = 20;
    static final long INITIAL = 24;
    static final long BOUNDED = 28;
    static final long INTENT = 32;
    static final long INTENT_PERMITS = 36;
    static final long INTENT_SLOT = 40;
    static final long INTENT_HELD = 44;
    static final long INTENT_PROCESS = 48;
    static final long HOLDERS = 64;
    static final long SLOT_SIZE = 16;
    /** Processes that can hold permits at once and have them returned when they die. */
    static final int SLOTS = 128;
    static final long SIZE = HOLDERS + SLOTS * SLOT_SIZE;
    static final SegmentHeader HEADER = new SegmentHeader("semaphore", "Semaphore", 0x5353454d, 1, SIZE);

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private SemaphoreLayout() {}

    static void initialize(MemorySegment memory, int permits, boolean bounded) {
        INT.setVolatile(memory, PERMITS, permits);
        INT.setVolatile(memory, INITIAL, permits);
        INT.setVolatile(memory, BOUNDED, bounded ? 1 : 0);
    }

    static int permitsVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, PERMITS);
    }

    static int initial(MemorySegment memory) {
        return (int) INT.getVolatile(memory, INITIAL);
    }

    static boolean bounded(MemorySegment memory) {
        return (int) INT.getVolatile(memory, BOUNDED) != 0;
    }

    static int waitersVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, WAITERS);
    }

    static void addWaiterVolatile(MemorySegment memory, int delta) {
        INT.getAndAdd(memory, WAITERS, delta);
    }

    static long slotProcessVolatile(MemorySegment memory, int slot) {
        return (long) LONG.getVolatile(memory, HOLDERS + slot * SLOT_SIZE);
    }

    static int slotHeldVolatile(MemorySegment memory, int slot) {
        return (int) INT.getVolatile(memory, HOLDERS + slot * SLOT_SIZE + 8);
    }

    /** Applies a change through the redo record; call holding the guard. */
    static void change(MemorySegment memory, int permits, int slot, int held, long process) {
        INT.setVolatile(memory, INTENT_PERMITS, permits);
        INT.setVolatile(memory, INTENT_SLOT, slot);
        INT.setVolatile(memory, INTENT_HELD, held);
        LONG.setVolatile(memory, INTENT_PROCESS, process);
        INT.setVolatile(memory, INTENT, 1);
        apply(memory);
    }

    /** Re-applies a whole redo record a dead guard holder left; call holding the guard. */
    static void repair(MemorySegment memory) {
        if ((int) INT.getVolatile(memory, INTENT) != 0) {
            apply(memory);
        }
    }

    private static void apply(MemorySegment memory) {
        int slot = (int) INT.getVolatile(memory, INTENT_SLOT);
        if (slot >= 0) {
            LONG.setVolatile(memory, HOLDERS + slot * SLOT_SIZE, (long) LONG.getVolatile(memory, INTENT_PROCESS));
            INT.setVolatile(memory, HOLDERS + slot * SLOT_SIZE + 8, (int) INT.getVolatile(memory, INTENT_HELD));
        }
        INT.setVolatile(memory, PERMITS, (int) INT.getVolatile(memory, INTENT_PERMITS));
        INT.setVolatile(memory, INTENT, 0);
    }
}
