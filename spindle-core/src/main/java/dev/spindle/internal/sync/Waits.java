package dev.spindle.internal.sync;

import java.time.Duration;
import java.util.Objects;

/** Timeouts as the primitives' waits take them. */
public final class Waits {
    private Waits() {}

    /** {@code timeout} in nanoseconds, saturated (a timeout of centuries waits for ever). */
    public static long nanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return timeout.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
