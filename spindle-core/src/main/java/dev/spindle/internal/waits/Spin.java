package dev.spindle.internal.waits;

import java.util.function.BooleanSupplier;

/**
 * The brief spin an in-process hand-off makes before it parks: a thread that parks and is
 * unparked costs both sides microseconds (a futex sleep and wake-up, and the scheduler's delay),
 * a spinning one sees the other side's write within tens of nanoseconds. Ping-pongs and
 * producer–consumer hand-offs between threads on different cores are mostly such short waits.
 *
 * <p>Spinning pays only while the other side runs. When a spin ends with nothing to see (the
 * other side is busy for longer, or is not on a CPU: more runnable threads than cores), spinning
 * only takes the CPU from the thread being waited for, and the scheduler counts the spinner as a
 * CPU hog. So one object per primitive remembers how its spins went: after a miss the next spins
 * are skipped, twice as many after each further miss (up to {@value #MAX_SKIPS}), and a spin that
 * sees its condition starts over. The counts are racy hints, written only when they change.
 * Nothing spins where only one CPU runs.
 */
public final class Spin {
    /**
     * The longest spin: far above a hand-off between running threads, and above a park and
     * wake-up on a busy VM (tens of microseconds), so that when one side of a ping-pong has parked,
     * the other, spinning, still catches its answer and both go back to spinning; a 10 µs spin
     * missed it, and the pair settled into a futex wake per hand-off (20k round trips/s, not 2M).
     * As {@code AdaptiveSpin}'s across processes.
     */
    static final long SPIN_NANOS = 50_000;
    /** The most waits skipped after misses in a row. */
    private static final int MAX_SKIPS = 63;
    private static final boolean USEFUL = Runtime.getRuntime().availableProcessors() > 1;
    /** Spin-waits between two reads of the clock. */
    private static final int CHECKS_PER_CLOCK_READ = 16;

    /** Waits to pass without spinning; racy. */
    private int skips;
    /** Waits skipped after the last miss; racy. */
    private int lastSkips;

    /**
     * Whether {@code ready} is true, after a spin of at most {@link #SPIN_NANOS} if spinning pays
     * (see the class comment); takes no lock and never blocks. The caller parks if false.
     */
    public boolean until(BooleanSupplier ready) {
        if (ready.getAsBoolean()) {
            return true;
        }
        if (!USEFUL) {
            return false;
        }
        if (skips > 0) {
            skips--;
            return false;
        }
        if (spin(ready)) {
            if (lastSkips != 0) {
                lastSkips = 0;
            }
            return true;
        }
        lastSkips = Math.min(MAX_SKIPS, lastSkips * 2 + 1);
        skips = lastSkips;
        return false;
    }

    private static boolean spin(BooleanSupplier ready) {
        long end = System.nanoTime() + SPIN_NANOS;
        while (true) {
            for (int i = 0; i < CHECKS_PER_CLOCK_READ; i++) {
                Thread.onSpinWait();
                if (ready.getAsBoolean()) {
                    return true;
                }
            }
            if (System.nanoTime() - end > 0) {
                return false;
            }
        }
    }
}
