package dev.spindle.asyncio;

/** Python's {@code asyncio.QueueEmpty}: {@link Queue#getNowait} on an empty queue. */
public class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueEmpty() {
        super("queue is empty");
    }
}
