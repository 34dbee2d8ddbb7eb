package dev.spindle.internal.waits;

/** Runs a wait that ends only in success: an interrupt does not end it, and is kept for after. */
public final class Uninterruptibly {
    /** A wait that an interrupt would end. */
    @FunctionalInterface
    public interface Wait {
        void run() throws InterruptedException;
    }

    private Uninterruptibly() {}

    /** Runs {@code wait} until it returns, again after each interrupt; then restores the interrupt status. */
    public static void await(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.run();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
