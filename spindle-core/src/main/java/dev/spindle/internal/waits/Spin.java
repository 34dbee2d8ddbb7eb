package dev.spindle.internal.waits;

import java.util.function.BooleanSupplier;

/**
 * The brief spin an in-process hand-off makes before it parks: a thread that parks and is
 * unparked costs both sides several microseconds (a futex sleep and wake-up), a spinning one sees
 * the other side's write within tens of nanoseconds. Ping-pongs and producer–consumer hand-offs
 * between threads on different cores are mostly such short waits. Only a hint: every caller still
 * parks when the spin ends with nothing to see, and nothing spins where only one CPU runs.
 */
public final class Spin {
    /** The longest spin: well above a hand-off between running threads, far below a scheduler's time slice. */
    public static final long SPIN_NANOS = 20_000;
    private static final boolean USEFUL = Runtime.getRuntime().availableProcessors() > 1;
    /** Spin-waits between two reads of the clock. */
    private static final int CHECKS_PER_CLOCK_READ = 32;

    private Spin() {}

    /**
     * Spins until {@code ready} is true or {@link #SPIN_NANOS} pass, without blocking or taking
     * any lock; returns whether it became true.
     */
    public static boolean until(BooleanSupplier ready) {
        if (ready.getAsBoolean()) {
            return true;
        }
        if (!USEFUL) {
            return false;
        }
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
