package dev.spindle.queue;

import dev.spindle.SpindleException;

/**
 * Python's {@code queue.Empty}: a {@code get} that does not wait, or whose timeout passed, found
 * no item. The {@link java.util.concurrent.BlockingQueue} methods ({@code poll}) return null
 * instead.
 */
public class Empty extends SpindleException {
    private static final long serialVersionUID = 1L;

    /** An exception saying why no item came. */
    public Empty(String message) {
        super(message);
    }
}
