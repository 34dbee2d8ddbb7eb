package dev.spindle.internal.sync;

import dev.spindle.internal.shm.ObjectSegment;

import dev.spindle.internal.waits.Uninterruptibly;
import dev.spindle.internal.waits.Waits;
import dev.spindle.function.SerializableRunnable;
import dev.spindle.internal.nativeio.AdaptiveSpin;
import dev.spindle.internal.nativeio.Futex;
import dev.spindle.internal.shm.RobustWord;
import dev.spindle.internal.shm.RobustWord.Acquired;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.sync.Barrier;
import java.lang.foreign.MemorySegment;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Barrier} in shared memory ({@link BarrierLayout}) for threads of any process that holds
 * it (Python's {@code multiprocessing.Barrier}). Arrivals count under a robust guard word; the
 * processes that arrived in this round and the last are recorded, and a waiter checks each
 * {@link #SLICE_NANOS} that they live, breaking the round when one has died. The action travels
 * with the barrier and runs in the process of the last party to arrive. Waiting spins while that
 * pays, then sleeps on the generation word. Lifetime: {@link ObjectSegment}'s.
 */
public final class SharedBarrier implements Barrier {
    static {
        ObjectSegment.register(SharedBarrier.class, BarrierLayout.HEADER,
                (segment, settings) -> new SharedBarrier(segment, (Settings) settings), barrier -> barrier.segment,
                barrier -> barrier.settings);
    }

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SELF = ProcessIdentity.self().word();
    private static final int WAKE_ALL = Integer.MAX_VALUE;

    private final ObjectSegment segment;
    private final MemorySegment memory;
    private final RobustWord guard;
    private final Settings settings;
    private final int parties;
    private final AdaptiveSpin spin = new AdaptiveSpin();

    /** What travels with the barrier, beside its segment: the action (null: none) and the default timeout (null: none). */
    private record Settings(SerializableRunnable action, Duration timeout) implements Serializable {}

    private SharedBarrier(ObjectSegment segment, Settings settings) {
        this.segment = segment;
        this.memory = segment.memory();
        this.guard = new RobustWord(memory, BarrierLayout.GUARD);
        this.settings = settings;
        this.parties = BarrierLayout.partiesVolatile(memory);
    }

    /**
     * A new barrier of {@code parties} whose last arrival runs {@code action} (null: none) and
     * whose {@link #await()} waits at most {@code timeout} (null: for ever), owned by this process.
     */
    public static SharedBarrier create(int parties, SerializableRunnable action, Duration timeout) {
        BarrierRounds.checkParties(parties);
        Settings settings = new Settings(action, timeout);
        return ObjectSegment.create(BarrierLayout.HEADER,
                memory -> BarrierLayout.initialize(memory, parties), segment -> new SharedBarrier(segment, settings));
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.ofNullable(settings.timeout());
    }

    @Override
    public int await(Duration timeout) throws InterruptedException, BrokenBarrierException {
        long nanos = Math.max(0, Waits.nanos(timeout));
        return awaitBy(Waits.deadlineAfter(nanos));
    }

    private int awaitBy(long deadline) throws InterruptedException, BrokenBarrierException {
        if (Thread.interrupted()) {
            breakIfStill(-1);
            throw new InterruptedException("interrupted before waiting at a Barrier");
        }
        int index;
        int round;
        lockGuard();
        try {
            if (BarrierLayout.brokenVolatile(memory)) {
                throw BarrierRounds.broken();
            }
            round = BarrierLayout.generationVolatile(memory);
            index = BarrierLayout.countVolatile(memory);
            BarrierLayout.setCountVolatile(memory, index + 1);
            recordArrival();
            if (index + 1 == parties) {
                release();
                return index;
            }
        } finally {
            guard.release();
        }
        long start = System.nanoTime();
        try {
            return awaitRoundEnd(round, index, start, deadline);
        } finally {
            spin.waited(System.nanoTime() - start);
        }
    }

    private int awaitRoundEnd(int round, int index, long start, long deadline)
            throws InterruptedException, BrokenBarrierException {
        long spinUntil = start + spin.spinNanos();
        long nextCheck = start + SLICE_NANOS;
        while (BarrierLayout.generationVolatile(memory) == round) {
            long now = System.nanoTime();
            if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
                if (breakIfStill(round)) {
                    throw BarrierRounds.timedOut();
                }
                break;
            }
            if (now - spinUntil < 0) {
                Thread.onSpinWait();
                continue;
            }
            if (now - nextCheck >= 0) {
                nextCheck = now + SLICE_NANOS;
                if (aPartyDied()) {
                    breakIfStill(round);
                    break;
                }
            }
            BarrierLayout.addSleeperVolatile(memory, 1);
            try {
                if (BarrierLayout.generationVolatile(memory) == round) {
                    long left = deadline == Long.MAX_VALUE ? SLICE_NANOS : Math.min(SLICE_NANOS, deadline - now);
                    Futex.await(memory, BarrierLayout.GENERATION, round, Math.max(1, Math.min(left, nextCheck - now)));
                }
            } finally {
                BarrierLayout.addSleeperVolatile(memory, -1);
            }
            if (Thread.interrupted()) {
                if (breakIfStill(round)) {
                    throw new InterruptedException("interrupted while waiting at a Barrier");
                }
                Thread.currentThread().interrupt(); // the round was over: keep the interrupt for later
                break;
            }
        }
        if (BarrierLayout.lastBrokenVolatile(memory) == round) {
            throw BarrierRounds.broken();
        }
        return index;
    }

    /** The last party arrived: run the action, then start the next round. Call holding the guard. */
    private void release() {
        BarrierRounds.runAction(settings.action(), this::breakRound);
        for (int i = 0; i < BarrierLayout.MEMBERS; i++) {
            long member = BarrierLayout.memberVolatile(memory, BarrierLayout.CURRENT, i);
            BarrierLayout.setMemberVolatile(memory, BarrierLayout.PREVIOUS, i, member);
            BarrierLayout.setMemberVolatile(memory, BarrierLayout.CURRENT, i, 0);
        }
        BarrierLayout.setCountVolatile(memory, 0);
        endRound();
    }

    /** Breaks the round {@code round} (-1: whichever is current) if it is still on; true if this call broke it. */
    private boolean breakIfStill(int round) {
        lockGuard();
        try {
            if (round != -1 && BarrierLayout.generationVolatile(memory) != round) {
                return false;
            }
            breakRound();
            return true;
        } finally {
            guard.release();
        }
    }

    /** Call holding the guard. */
    private void breakRound() {
        BarrierLayout.setBrokenVolatile(memory, true);
        BarrierLayout.setLastBrokenVolatile(memory, BarrierLayout.generationVolatile(memory));
        BarrierLayout.setCountVolatile(memory, 0);
        for (int i = 0; i < BarrierLayout.MEMBERS; i++) {
            BarrierLayout.setMemberVolatile(memory, BarrierLayout.CURRENT, i, 0);
        }
        endRound();
    }

    private void endRound() {
        BarrierLayout.bumpGenerationVolatile(memory);
        if (BarrierLayout.sleepersVolatile(memory) != 0) {
            Futex.wake(memory, BarrierLayout.GENERATION, WAKE_ALL);
        }
    }

    /** Records this process among this round's arrivals (once); call holding the guard. */
    private void recordArrival() {
        int free = -1;
        for (int i = 0; i < BarrierLayout.MEMBERS; i++) {
            long member = BarrierLayout.memberVolatile(memory, BarrierLayout.CURRENT, i);
            if (member == SELF) {
                return;
            }
            if (member == 0 && free < 0) {
                free = i;
            }
        }
        if (free >= 0) {
            BarrierLayout.setMemberVolatile(memory, BarrierLayout.CURRENT, free, SELF);
        }
    }

    /** Whether a process that arrived in this round or the last has died; forgets it if so. */
    private boolean aPartyDied() {
        boolean died = false;
        for (long table : new long[] {BarrierLayout.CURRENT, BarrierLayout.PREVIOUS}) {
            for (int i = 0; i < BarrierLayout.MEMBERS; i++) {
                long member = BarrierLayout.memberVolatile(memory, table, i);
                if (member != 0 && member != SELF && !ProcessIdentity.isAlive(member)) {
                    BarrierLayout.setMemberVolatile(memory, table, i, 0);
                    died = true;
                }
            }
        }
        return died;
    }

    /** Takes the guard; a holder that died may have left the round half-changed, so it is broken. */
    private void lockGuard() {
        Uninterruptibly.await(() -> {
            if (guard.acquire(Long.MAX_VALUE) == Acquired.FROM_DEAD_OWNER) {
                breakRound();
            }
        });
    }

    @Override
    public void abort() {
        breakIfStill(-1);
    }

    @Override
    public void reset() {
        lockGuard();
        try {
            if (BarrierLayout.countVolatile(memory) > 0) {
                breakRound();
            }
            for (int i = 0; i < BarrierLayout.MEMBERS; i++) {
                BarrierLayout.setMemberVolatile(memory, BarrierLayout.PREVIOUS, i, 0);
            }
            BarrierLayout.setBrokenVolatile(memory, false);
        } finally {
            guard.release();
        }
    }

    @Override
    public boolean isBroken() {
        return BarrierLayout.brokenVolatile(memory);
    }

    @Override
    public int nWaiting() {
        return BarrierLayout.countVolatile(memory);
    }

    @Override
    public String toString() {
        return "Barrier[" + nWaiting() + " of " + parties + " waiting" + (isBroken() ? ", broken" : "")
                + ", shared by processes]";
    }
}
