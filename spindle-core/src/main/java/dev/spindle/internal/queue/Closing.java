package dev.spindle.internal.queue;

/**
 * Whether this process closed a queue (Python's {@code close()}): once closed, its calls here
 * throw {@link IllegalStateException}; other processes are not affected.
 */
final class Closing {
    private final String closedMessage;
    private volatile boolean closed;

    Closing(String closedMessage) {
        this.closedMessage = closedMessage;
    }

    void close() {
        closed = true;
    }

    /** @throws IllegalStateException if closed */
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException(closedMessage);
        }
    }
}
