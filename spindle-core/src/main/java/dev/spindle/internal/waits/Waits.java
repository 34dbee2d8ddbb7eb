package dev.spindle.internal.waits;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Timeouts and deadlines as the primitives' waits take them (a leaf package: the public sync interfaces and their implementations both use it). */
public final class Waits {
    /** A timeout that never passes. */
    public static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

    /** A {@link System#nanoTime()} deadline that never passes. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private Waits() {}

    /** The {@link System#nanoTime()} deadline {@code timeoutNanos} from now: {@link #NO_DEADLINE} for a timeout of centuries. */
    public static long deadlineAfter(long timeoutNanos) {
        return timeoutNanos >= Long.MAX_VALUE / 2 ? NO_DEADLINE : System.nanoTime() + timeoutNanos;
    }

    /** Nanoseconds left until {@code deadline} (zero or less once it passed); {@link Long#MAX_VALUE} for none. */
    public static long left(long deadline) {
        return deadline == NO_DEADLINE ? Long.MAX_VALUE : deadline - System.nanoTime();
    }

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
