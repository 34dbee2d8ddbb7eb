package dev.spindle.internal.waits;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Timeouts as the primitives' waits take them (a leaf package: the public sync interfaces and their implementations both use it). */
public final class Waits {
    /** A timeout that never passes. */
    public static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

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
