package dev.spindle.internal.sync;

import dev.spindle.internal.shm.SegmentHeader;

import dev.spindle.internal.shm.MutexLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Byte layout of a cross-process lock's segment, a {@code Lock}'s or an {@code RLock}'s (version 1).
 *
 * <pre>
 * 0   SegmentHeader  magic 'SLCK' (Lock) or 'SRLK' (RLock), version
 * 8   long  word       the lock word (MutexLayout): its owner process and waiters flag
 * 16  int   ownerDied  1 while the present hold was taken over from a process that died holding
 *                      the lock; set by that taker, cleared by the release before the word is freed
 * </pre>
 * Both fields are accessed volatile; {@code ownerDied} is written only while the word is held.
 */
final class LockLayout {
    static final long WORD = 8;
    static final long OWNER_DIED = WORD + MutexLayout.SIZE;
    static final long SIZE = 64;
    static final SegmentHeader LOCK = new SegmentHeader("lock", "Lock", 0x534c434b, 1, SIZE);
    static final SegmentHeader RLOCK = new SegmentHeader("rlock", "RLock", 0x53524c4b, 1, SIZE);

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private LockLayout() {}

    static boolean ownerDiedVolatile(MemorySegment memory) {
        return (int) INT.getVolatile(memory, OWNER_DIED) != 0;
    }

    static void setOwnerDiedVolatile(MemorySegment memory, boolean died) {
        INT.setVolatile(memory, OWNER_DIED, died ? 1 : 0);
    }
}
