package dev.spindle.internal.sync;

import java.util.concurrent.BrokenBarrierException;

/** The argument check and the exceptions every barrier shares, with Python's words. */
final class BarrierRounds {
    private BarrierRounds() {}

    static int checkParties(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a Barrier needs at least one party, not " + parties);
        }
        return parties;
    }

    static BrokenBarrierException broken() {
        return new BrokenBarrierException("the barrier is broken (aborted, reset, timed out, interrupted,"
                + " its action failed, or a party's process died); reset() mends it");
    }

    static BrokenBarrierException timedOut() {
        return new BrokenBarrierException("the wait timed out, which broke the barrier (as in Python)");
    }
}
