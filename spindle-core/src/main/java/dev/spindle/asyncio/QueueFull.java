package dev.spindle.asyncio;

/** Python's {@code asyncio.QueueFull}: {@link Queue#putNowait} on a full queue. */
public class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueFull() {
        super("queue is full");
    }
}
