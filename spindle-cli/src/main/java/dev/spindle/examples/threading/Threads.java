package dev.spindle.examples.threading;

import java.util.List;

/**
 * What the seeds' thread programs repeat: a thread body that may be interrupted while it sleeps
 * or waits (Python's threads cannot be, so an interrupt here just ends the body, flag kept), and
 * the loop that joins a batch of threads.
 */
public final class Threads {
    private Threads() {}

    /** A thread body that sleeps or waits. */
    @FunctionalInterface
    public interface Body {
        void run() throws InterruptedException;
    }

    /** {@code body} as a Runnable that ends quietly, interrupt flag set, if it is interrupted. */
    public static Runnable uninterrupted(Body body) {
        return () -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Waits for every thread of {@code threads} to end. */
    public static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }
}
