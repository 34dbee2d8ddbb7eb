package dev.spindle.greenlet;

import java.io.Serial;

/**
 * A switch that cannot happen (greenlet's {@code greenlet.error}): to a greenlet of another thread,
 * or to a greenlet that has ended.
 */
public final class GreenletError extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    GreenletError(String message) {
        super(message);
    }
}
