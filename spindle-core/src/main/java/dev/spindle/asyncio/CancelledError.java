package dev.spindle.asyncio;

import java.util.concurrent.CancellationException;

/**
 * Python's {@code asyncio.CancelledError}: thrown at a cancelled task's next await (and by awaiting
 * a cancelled future or task). A task that lets it propagate ends cancelled; {@code finally} blocks
 * run on the way out, as in Python.
 */
public class CancelledError extends CancellationException {
    private static final long serialVersionUID = 1L;

    public CancelledError(String message) {
        super(message);
    }
}
