package dev.spindle.generator;

import java.io.Serial;

/**
 * Thrown inside a generator's body, at the {@code yield} where it waits, by {@link Generator#close()}
 * (Python's {@code GeneratorExit}): {@code finally} blocks run, and the body should let it pass.
 * It is an {@link Error}, not an {@link Exception}, for the reason Python derives it from
 * {@code BaseException}: so that a body's {@code catch (Exception e)} does not swallow it.
 */
public final class GeneratorExit extends Error {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A request to close, thrown at the body's {@code yield}. */
    public GeneratorExit() {
        super("generator closed", null, false, false);
    }
}
