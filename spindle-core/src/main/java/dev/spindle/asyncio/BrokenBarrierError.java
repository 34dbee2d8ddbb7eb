package dev.spindle.asyncio;

/** Python's {@code asyncio.BrokenBarrierError}: the {@link Barrier} was aborted or reset while a task waited. */
public class BrokenBarrierError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenBarrierError(String message) {
        super(message);
    }
}
