package dev.spindle.queue;

/**
 * Python's {@code queue.Full}: a {@code put} that does not wait, or whose timeout passed, found
 * the queue at its {@code maxsize}. The {@link java.util.concurrent.BlockingQueue} methods
 * ({@code offer}) return false instead. Like Python's, it is the queue module's own, not one of
 * the process errors (so not a {@code SpindleException}), which keeps this package free of the
 * rest of Spindle.
 */
public class Full extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception saying why the item was not put. */
    public Full(String message) {
        super(message);
    }
}
