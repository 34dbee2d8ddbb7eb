package dev.spindle.internal.sync;

/** The argument checks every semaphore makes, with Python's messages. */
final class Permits {
    private Permits() {}

    static int checkInitial(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, not " + permits);
        }
        return permits;
    }

    static int checkRelease(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more, not " + n);
        }
        return n;
    }
}
