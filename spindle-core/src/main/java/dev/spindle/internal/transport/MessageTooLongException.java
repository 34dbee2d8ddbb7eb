package dev.spindle.internal.transport;

import java.io.IOException;
import java.io.Serial;

/** A message longer than the receiver allowed; it was consumed and discarded, and the pipe goes on. */
public final class MessageTooLongException extends IOException {
    @Serial
    private static final long serialVersionUID = 1L;

    public MessageTooLongException(String message) {
        super(message);
    }
}
