package dev.spindle.internal.sync;

import dev.spindle.internal.shm.SegmentHeader;

import dev.spindle.internal.shm.MutexLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process barrier's segment (version 1).
 *
 * <pre>
 * 0     SegmentHeader  magic 'SBAR', version
 * 8     long guard               a lock word (MutexLayout), held for every change below
 * 16    int  generation          the round; the futex word waiters sleep on
 * 20    int  sleepers            nonzero while a waiter may be asleep
 * 24    int  parties
 * 28    int  count               parties waiting in this round
 * 32    int  broken              1 while broken, until a reset
 * 36    int  lastBrokenGeneration the last round that ended broken
 * 64    long current[MEMBERS]    processes that arrived in this round (0: empty)
 * 576   long previous[MEMBERS]   processes that arrived in the last round
 * </pre>
 * A round ends released (generation + 1) or broken (lastBrokenGeneration = generation, then
 * generation + 1), so a waiter learns how its own round ended even after a reset. A guard holder
 * that died may have left a round half-changed: the next holder breaks that round.
 *
 * <p>Every access is volatile (sequentially consistent): a round's end bumps the generation
 * before it reads {@code sleepers}, a waiter counts itself in {@code sleepers} before it re-reads
 * the generation, so one of the two always sees the other (no lost wake-up); the futex call
 * itself re-checks the generation.
 */
final class BarrierLayout {
    static final long GUARD = 8;
    static final long GENERATION = GUARD + MutexLayout.SIZE;
    static final long SLEEPERS = 20;
    static final long PARTIES = 24;
    static final long COUNT = 28;
    static final long BROKEN = 32;
    static final long LAST_BROKEN = 36;
    /** Processes recorded per round. */
    static final int MEMBERS = 64;
    static final long CURRENT = 64;
    static final long PREVIOUS = CURRENT + MEMBERS * 8L;
    static final long SIZE = PREVIOUS + MEMBERS * 8L;
    static final SegmentHeader HEADER = new SegmentHeader("barrier", "Barrier", 0x53424152, 1, SIZE);

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private BarrierLayout() {}

    static void initialize(MemorySegment memory, int parties) {
        INT.setVolatile(memory, PARTIES, parties);
        INT.setVolatile(memory, LAST_BROKEN, -1);
    }

    static int partiesVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, PARTIES);
    }

    static int generationVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, GENERATION);
    }

    static void bumpGenerationVolatile(MemorySegment memory) {
        INT.getAndAdd(memory, GENERATION, 1);
    }

    static int sleepersVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, SLEEPERS);
    }

    static void addSleeperVolatile(MemorySegment memory, int delta) {
        INT.getAndAdd(memory, SLEEPERS, delta);
    }

    static int countVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, COUNT);
    }

    static void setCountVolatile(MemorySegment memory, int count) {
        INT.setVolatile(memory, COUNT, count);
    }

    static boolean brokenVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, BROKEN) != 0;
    }

    static void setBrokenVolatile(MemorySegment memory, boolean broken) {
        INT.setVolatile(memory, BROKEN, broken ? 1 : 0);
    }

    static int lastBrokenVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, LAST_BROKEN);
    }

    static void setLastBrokenVolatile(MemorySegment memory, int round) {
        INT.setVolatile(memory, LAST_BROKEN, round);
    }

    /** The process in entry {@code index} of {@code table} ({@link #CURRENT} or {@link #PREVIOUS}). */
    static long memberVolatile(MemorySegment memory, long table, int index) {
        return (long) LONG.getVolatile(memory, table + index * 8L);
    }

    static void setMemberVolatile(MemorySegment memory, long table, int index, long process) {
        LONG.setVolatile(memory, table + index * 8L, process);
    }
}
