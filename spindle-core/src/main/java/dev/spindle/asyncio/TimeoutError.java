package dev.spindle.asyncio;

/**
 * Python's {@code TimeoutError} as asyncio raises it: {@link Asyncio#waitFor}, {@link Asyncio#timeout}
 * and the timeouts of {@link Asyncio#asCompleted} ran out.
 */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TimeoutError(String message) {
        super(message);
    }
}
