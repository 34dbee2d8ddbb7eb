package dev.spindle.generator;

import java.io.Serial;
import java.util.NoSuchElementException;

/**
 * Thrown by {@link Generator#next()} and {@link Generator#send} when the generator has finished or
 * was closed (Python's {@code StopIteration}); a {@link NoSuchElementException}, as
 * {@link java.util.Iterator#next()} throws when there is no element.
 */
public final class StopIteration extends NoSuchElementException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The generator has no more values. */
    public StopIteration() {
        super("generator finished");
    }
}
