package dev.spindle.internal.transport;

import java.io.IOException;
import java.io.Serial;

/**
 * A message longer than its receiver accepts: refused at the sender (nothing sent), or consumed
 * and discarded by a reader with a smaller limit of its own; either way the channel goes on.
 */
public final class MessageTooLongException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;
    private final int length;
    private final int limit;

    public MessageTooLongException(int length, int limit) {
        super("a message of " + length + " bytes is longer than the receiver's limit of " + limit + " bytes");
        this.length = length;
        this.limit = limit;
    }

    /** The message's length in bytes. */
    public int length() {
        return length;
    }

    /** The receiver's limit in bytes. */
    public int limit() {
        return limit;
    }
}
