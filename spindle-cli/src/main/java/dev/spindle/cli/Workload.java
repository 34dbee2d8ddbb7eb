package dev.spindle.cli;

/**
 * One benchmark workload while it is set up (a pool made and warmed up, an echoing child
 * started): {@link #sample()} times one run of it; {@link #close()} takes everything down, so
 * that nothing of Spindle runs while CPython is measured.
 */
@SuppressWarnings("try") // see close
interface Workload extends AutoCloseable {
    /** One timed run, in the figure's unit. */
    double sample() throws Exception;

    @Override
    default void close() throws Exception {
        // nothing to take down
    }

    /** Sets a workload up, warm-ups included. */
    @FunctionalInterface
    interface Setup {
        Workload open() throws Exception;
    }
}
