package dev.spindle.greenlet;

import java.io.Serial;

/**
 * Thrown into a greenlet by {@link Greenlet#throwIn()} to end it (greenlet's {@code GreenletExit}).
 * A greenlet that lets it pass ends normally: its parent's switch returns this exception as the
 * value instead of throwing it. An {@link Error}, as greenlet derives it from {@code BaseException},
 * so that {@code catch (Exception e)} does not swallow it.
 */
public final class GreenletExit extends Error {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A request that the greenlet end. */
    public GreenletExit() {
        super("greenlet exit", null, false, false);
    }
}
