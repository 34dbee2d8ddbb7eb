package dev.spindle.generator;

/**
 * Where a {@link Generator} is, as Python's {@code inspect.getgeneratorstate} names it (the
 * constants print as Python prints them).
 */
public enum GeneratorState {
    /** Made, its body not started: only {@code next()} or {@code send(null)} may start it. */
    GEN_CREATED,
    /** Its body runs (a call to {@code next}, {@code send}, {@code throwIn} or {@code close} has not returned). */
    GEN_RUNNING,
    /** Its body waits at a {@code yield} for the next {@code send}. */
    GEN_SUSPENDED,
    /** Its body returned, threw, or was closed: {@code next} and {@code send} throw {@link StopIteration}. */
    GEN_CLOSED
}
