package dev.spindle.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The suite's few named timeouts, and waiting on a condition with a deadline (never a sleep). */
public final class Deadlines {
    /** Long enough for a child JVM to start and finish a small task on a loaded 2-core machine. */
    public static final Duration CHILD = Duration.ofSeconds(30);
    /** For something that should happen about at once. */
    public static final Duration PROMPT = Duration.ofSeconds(5);
    /** How long to watch that something does NOT happen. */
    public static final Duration QUIET = Duration.ofMillis(500);

    private Deadlines() {}

    /** Waits until {@code condition} holds; fails with {@code what} at the deadline. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(pause * 1_000_000);
            pause = Math.min(pause * 2, 50);
        }
    }

    /**
     * Waits until {@code latch} opens, from code that cannot throw a checked exception (a race
     * window's hook); fails with {@code what} if it is not open within {@link #CHILD}.
     */
    public static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(CHILD.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("timed out after " + CHILD + " waiting until " + what);
            }
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted while waiting until " + what, e);
        }
    }
}
