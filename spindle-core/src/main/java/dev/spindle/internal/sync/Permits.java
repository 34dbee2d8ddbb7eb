package dev.spindle.internal.sync;

/** The argument checks every semaphore makes, with Python's messages (a cluster's too). */
public final class Permits {
    private Permits() {}

    /** {@code permits}, if an initial value may be it. */
    public static int checkInitial(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, not " + permits);
        }
        return permits;
    }

    /** {@code n}, if a release may give back that many. */
    public static int checkRelease(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more, not " + n);
        }
        return n;
    }
}
