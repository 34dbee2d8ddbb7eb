package dev.spindle.asyncio;

/**
 * Python's {@code asyncio.LimitOverrunError}: no separator within the reader's limit;
 * {@link #consumed()} bytes stay in the buffer.
 */
public class LimitOverrunError extends java.io.IOException {
    private static final long serialVersionUID = 1L;
    private final int consumed;

    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    public int consumed() {
        return consumed;
    }
}
