package dev.spindle.queue;

import dev.spindle.SpindleException;

/**
 * Python's {@code queue.Full}: a {@code put} that does not wait, or whose timeout passed, found
 * the queue at its {@code maxsize}. The {@link java.util.concurrent.BlockingQueue} methods
 * ({@code offer}) return false instead.
 */
public class Full extends SpindleException {
    private static final long serialVersionUID = 1L;

    /** An exception saying why the item was not put. */
    public Full(String message) {
        super(message);
    }
}
