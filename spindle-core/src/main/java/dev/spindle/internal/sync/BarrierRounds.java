package dev.spindle.internal.sync;

import java.util.concurrent.BrokenBarrierException;

/** What every barrier shares: the argument check, the action's run, and the exceptions, with Python's words. */
final class BarrierRounds {
    private BarrierRounds() {}

    static int checkParties(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a Barrier needs at least one party, not " + parties);
        }
        return parties;
    }

    /** Runs the last party's {@code action} (null: none); if it throws, {@code breakRound} runs and the exception goes on. */
    static void runAction(Runnable action, Runnable breakRound) {
        if (action == null) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            breakRound.run();
            throw e;
        }
    }

    static BrokenBarrierException broken() {
        return new BrokenBarrierException("the barrier is broken (aborted, reset, timed out, interrupted,"
                + " its action failed, or a party's process died); reset() mends it");
    }

    static BrokenBarrierException timedOut() {
        return new BrokenBarrierException("the wait timed out, which broke the barrier (as in Python)");
    }
}
