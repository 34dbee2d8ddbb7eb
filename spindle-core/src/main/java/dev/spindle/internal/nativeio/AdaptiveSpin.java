package dev.spindle.internal.nativeio;

/**
 * How long a waiter on shared memory spins before it sleeps on a futex: a hand-off between
 * spinning processes costs tens of nanoseconds, a futex wake tens of microseconds. A waiter spins
 * only while spinning pays: once a wait lasted {@link #LONG_WAIT_NANOS} (the other side is busy
 * for long stretches), the next wait sleeps at once, leaving the CPU to the processes doing the
 * work, until a wait is short again. One per waiting side; racy by design, only a hint.
 */
public final class AdaptiveSpin {
    /** The longest spin. */
    public static final long SPIN_NANOS = 50_000;
    /**
     * A wait this long says the other side is busy for long: the next wait sleeps at once. Far
     * above the spin, so that a futex wake-up (tens of microseconds, more on a busy VM) never counts
     * as long: two sides waking each other by futex would otherwise both stop spinning.
     */
    public static final long LONG_WAIT_NANOS = 1_000_000;

    private boolean pays = true;

    /** How long the next wait should spin. */
    public long spinNanos() {
        return pays ? SPIN_NANOS : 0;
    }

    /** Records how long a wait took, spin and sleep together. */
    public void waited(long nanos) {
        pays = nanos < LONG_WAIT_NANOS;
    }
}
