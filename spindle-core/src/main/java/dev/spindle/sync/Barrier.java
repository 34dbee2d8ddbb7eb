package dev.spindle.sync;

import dev.spindle.internal.waits.Waits;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;

/**
 * A barrier of a fixed number of parties (Python's {@code threading.Barrier} and
 * {@code multiprocessing.Barrier}): each party's {@link #await()} waits until all {@link #parties()}
 * have arrived, then all go on together, and the barrier is ready for the next round. Made by
 * {@link dev.spindle.Context#barrier(int)} and {@link dev.spindle.Context#barrier(int, Runnable)}; a
 * barrier of a process context travels to child processes and pool tasks, its action with it.
 *
 * <p>As in Python: {@code await} returns the party's arrival index, 0 for the first to arrive up
 * to {@code parties() - 1} for the last, which runs the action (if any) before the others go on.
 * The barrier breaks — every waiting and later {@code await} throws
 * {@link BrokenBarrierException} until {@link #reset()} — when a wait times out, when a waiting
 * thread is interrupted (it throws {@link InterruptedException}), when the action throws (in the
 * thread that ran it), or on {@link #abort()}.
 *
 * <p>Beyond CPython: a cross-process barrier also breaks when a party's process dies, rather than
 * leaving the others waiting for ever — a process that arrived in this round or the last one and
 * is gone (so a process that took part in the last round and ended without arriving at this one
 * breaks it too).
 *
 * <p>Memory consistency: actions of each party before its {@code await} happen-before the action
 * and actions after every party's {@code await} returns (across processes: what they share).
 */
public interface Barrier {
    /** The number of parties that must arrive for a round to complete. */
    int parties();

    /**
     * Waits until every party has arrived (Python's {@code wait()}), at most the barrier's
     * {@link #timeout()} if it has one; that timeout passing breaks the barrier.
     *
     * @return this party's arrival index in the round, from 0 (first) to {@code parties() - 1}
     * @throws BrokenBarrierException if the barrier is or becomes broken while waiting, or its timeout passes
     * @throws InterruptedException if this thread is interrupted while waiting (the barrier breaks)
     */
    default int await() throws InterruptedException, BrokenBarrierException {
        return await(timeout().orElse(Waits.FOREVER));
    }

    /**
     * How long {@link #await()} waits before it breaks the barrier (Python's
     * {@code Barrier(parties, action, timeout)}); empty: for ever.
     */
    Optional<Duration> timeout();

    /**
     * Waits at most {@code timeout} (Python's {@code wait(timeout)}); a timeout breaks the barrier.
     *
     * @return this party's arrival index in the round
     * @throws BrokenBarrierException if the barrier is or becomes broken, or the timeout passes
     * @throws InterruptedException if this thread is interrupted while waiting (the barrier breaks)
     */
    int await(Duration timeout) throws InterruptedException, BrokenBarrierException;

    /** Breaks the barrier: waiting parties and later waits get {@link BrokenBarrierException} until a reset. */
    void abort();

    /** Returns the barrier to its empty, unbroken state; parties waiting now get {@link BrokenBarrierException}. */
    void reset();

    /** Whether the barrier is broken. */
    boolean isBroken();

    /** How many parties wait in the current round (Python's {@code n_waiting}). */
    int nWaiting();
}
