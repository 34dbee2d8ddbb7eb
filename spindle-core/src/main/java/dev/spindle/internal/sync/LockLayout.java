package dev.spindle.internal.sync;

import dev.spindle.internal.shm.SegmentHeader;

import dev.spindle.internal.shm.MutexLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process lock's segment, a {@code Lock}'s or an {@code RLock}'s (version 2).
 *
 * <pre>
 * 0   SegmentHeader  magic 'SLCK' (Lock) or 'SRLK' (RLock), version
 * 8   long  word       the lock word (MutexLayout): its owner process and waiters flag
 * 16  int   ownerDied  1 while the present hold was taken over from a process that died holding
 *                      the lock; set by that taker, cleared by the release before the word is freed
 * 24  long  ownerThread  the holding thread's id in the owner process, 0 when free: for toString
 * 32  int   holds        an RLock's holds by its owner thread (0 for a Lock)
 * </pre>
 * The fields are written only while the word is held; {@code ownerDied} is accessed volatile,
 * the other two by their holder plainly (the word orders them) and by {@code toString} opaquely.
 */
final class LockLayout {
    static final long WORD = 8;
    static final long OWNER_DIED = WORD + MutexLayout.SIZE;
    static final long OWNER_THREAD = 24;
    static final long HOLDS = 32;
    static final long SIZE = 64;
    static final SegmentHeader LOCK = new SegmentHeader("lock", "Lock", 0x534c434b, 2, SIZE);
    static final SegmentHeader RLOCK = new SegmentHeader("rlock", "RLock", 0x53524c4b, 2, SIZE);

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private LockLayout() {}

    static boolean ownerDiedVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, OWNER_DIED) != 0;
    }

    static void setOwnerDiedVolatile(MemorySegment memory, boolean died) {
        INT.setVolatile(memory, OWNER_DIED, died ? 1 : 0);
    }

    /** Records (or, with 0, clears) the holding thread; by the holder. */
    static void setOwnerThread(MemorySegment memory, long threadId) {
        memory.set(ValueLayout.JAVA_LONG, OWNER_THREAD, threadId);
    }

    /** The holding thread's id, as another thread or process may see it now. */
    static long ownerThreadOpaque(MemorySegment memory) {
        return (long) LONG.getOpaque(memory, OWNER_THREAD);
    }

    /** An RLock's holds; read and written by its holder. */
    static int holds(MemorySegment memory) {
        return memory.get(ValueLayout.JAVA_INT, HOLDS);
    }

    static void setHolds(MemorySegment memory, int holds) {
        memory.set(ValueLayout.JAVA_INT, HOLDS, holds);
    }

    /** An RLock's holds, as another thread or process may see them now. */
    static int holdsOpaque(MemorySegment memory) {
        return (int) INT.getOpaque(memory, HOLDS);
    }
}
