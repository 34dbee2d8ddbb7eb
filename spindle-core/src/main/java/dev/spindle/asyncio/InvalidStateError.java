package dev.spindle.asyncio;

/**
 * Python's {@code asyncio.InvalidStateError}: a future's result asked for before it is done, or a
 * result set on a future that already has one.
 */
public class InvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public InvalidStateError(String message) {
        super(message);
    }
}
