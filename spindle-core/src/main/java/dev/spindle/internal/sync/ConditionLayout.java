package dev.spindle.internal.sync;

import dev.spindle.internal.shm.SegmentHeader;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process condition's segment (version 1).
 *
 * <pre>
 * 0    SegmentHeader  magic 'SCND', version
 * 8    int seq         the futex word waiters sleep on: bumped by each signal that marks a waiter
 * 12   int sleepers    nonzero while a waiter may be asleep
 * 16   int nextTicket  the ticket of the next waiter: signals go to the lowest tickets first
 * 20   int highWater   one past the highest slot ever claimed: scans stop there
 * 64   waiters: SLOTS × 16 bytes — long process (ProcessIdentity word, 0 free), int ticket, int state
 * </pre>
 * A slot's state is FREE, WAITING or SIGNALLED. A waiter claims a slot (CAS of the process word)
 * and takes a ticket holding the lock; a signaller, holding the lock, moves the oldest WAITING
 * slots of live processes to SIGNALLED by CAS; a waiter leaves by CAS (WAITING to FREE, or seeing
 * SIGNALLED), holding the lock again. A slot SIGNALLED to a process that died is moved back to
 * FREE and its signal given to the next waiter, by CAS, by any waiter.
 */
final class ConditionLayout {
    static final long SEQ = 8;
    static final long SLEEPERS = 12;
    static final long NEXT_TICKET = 16;
    static final long HIGH_WATER = 20;
    static final long SLOTS_OFFSET = 64;
    static final long SLOT_SIZE = 16;
    /** Threads that can wait at once on one condition, across all processes. */
    static final int SLOTS = 1024;
    static final long SIZE = SLOTS_OFFSET + SLOTS * SLOT_SIZE;
    static final SegmentHeader HEADER = new SegmentHeader("condition", "Condition", 0x53434e44, 1, SIZE);
    static final int FREE = 0;
    static final int WAITING = 1;
    static final int SIGNALLED = 2;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private ConditionLayout() {}

    static int intVolatile(MemorySegment memory, long offset) {
        return (int) INT.getVolatile(memory, offset);
    }

    static void setIntVolatile(MemorySegment memory, long offset, int value) {
        INT.setVolatile(memory, offset, value);
    }

    static int addInt(MemorySegment memory, long offset, int delta) {
        return (int) INT.getAndAdd(memory, offset, delta);
    }

    static long processVolatile(MemorySegment memory, int slot) {
        return (long) LONG.getVolatile(memory, SLOTS_OFFSET + slot * SLOT_SIZE);
    }

    static boolean claim(MemorySegment memory, int slot, long process) {
        return LONG.compareAndSet(memory, SLOTS_OFFSET + slot * SLOT_SIZE, 0L, process);
    }

    static void free(MemorySegment memory, int slot) {
        LONG.setVolatile(memory, SLOTS_OFFSET + slot * SLOT_SIZE, 0L);
    }

    static int ticketVolatile(MemorySegment memory, int slot) {
        return (int) INT.getVolatile(memory, SLOTS_OFFSET + slot * SLOT_SIZE + 8);
    }

    static void setTicketVolatile(MemorySegment memory, int slot, int ticket) {
        INT.setVolatile(memory, SLOTS_OFFSET + slot * SLOT_SIZE + 8, ticket);
    }

    static int stateVolatile(MemorySegment memory, int slot) {
        return (int) INT.getVolatile(memory, SLOTS_OFFSET + slot * SLOT_SIZE + 12);
    }

    static void setStateVolatile(MemorySegment memory, int slot, int state) {
        INT.setVolatile(memory, SLOTS_OFFSET + slot * SLOT_SIZE + 12, state);
    }

    static boolean casState(MemorySegment memory, int slot, int from, int to) {
        return INT.compareAndSet(memory, SLOTS_OFFSET + slot * SLOT_SIZE + 12, from, to);
    }
}
