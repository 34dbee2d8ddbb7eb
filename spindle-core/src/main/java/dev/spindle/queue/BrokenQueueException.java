package dev.spindle.queue;

/**
 * A queue shared by processes whose shared memory holds what no put wrote (a stray write, a bug,
 * a hostile process with the user's rights): a position outside its ring, an item whose length or
 * kind no put gives, a large item's reference that is not one. The first process to find it marks
 * the queue broken for every process that uses it, and from then on every {@code put},
 * {@code get} and {@code qsize} throws this at once, instead of failing on every call anew or
 * allocating what the bytes say. Make a new queue. (An item that is whole but does not decode is
 * not this: its {@code get} fails, and the queue goes on.)
 */
public class BrokenQueueException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** A queue broken for the reason {@code message} gives. */
    public BrokenQueueException(String message) {
        super(message);
    }
}
