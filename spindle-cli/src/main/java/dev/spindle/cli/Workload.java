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

    /** {@code workload} after {@code times} untimed samples (the JIT compilers' warm-up). */
    static Workload warmed(Workload workload, int times) throws Exception {
        return warmed(workload, times, java.time.Duration.ZERO);
    }

    /**
     * {@code workload} after untimed samples, at least {@code times} of them and for at least
     * {@code atLeast}: fresh JVMs compile their work while it runs, over more runs the shorter a run is.
     */
    static Workload warmed(Workload workload, int times, java.time.Duration atLeast) throws Exception {
        long warmingSince = System.nanoTime();
        for (int i = 0; i < times || System.nanoTime() - warmingSince < atLeast.toNanos(); i++) {
            workload.sample();
        }
        return workload;
    }

    /** Sets a workload up, warm-ups included. */
    @FunctionalInterface
    interface Setup {
        Workload open() throws Exception;
    }
}
