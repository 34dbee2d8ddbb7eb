package dev.spindle.queue;

/**
 * Python's {@code queue.Empty}: a {@code get} that does not wait, or whose timeout passed, found
 * no item. The {@link java.util.concurrent.BlockingQueue} methods ({@code poll}) return null
 * instead. Like Python's, it is the queue module's own, not one of the process errors (so
 * not a {@code SpindleException}), which keeps this package free of the rest of Spindle.
 */
public class Empty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception saying why no item came. */
    public Empty(String message) {
        super(message);
    }
}
