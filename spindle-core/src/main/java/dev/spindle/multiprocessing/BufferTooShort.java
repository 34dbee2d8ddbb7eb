package dev.spindle.multiprocessing;

import dev.spindle.SpindleException;

/**
 * A message longer than the room {@link Connection#recvBytesInto(byte[], int)} was given (Python's
 * {@code multiprocessing.BufferTooShort}): the message was received whole and is not lost, it
 * travels in this exception ({@link #wholeMessage()}, Python's {@code args[0]}), and the buffer is
 * left as it was.
 */
public class BufferTooShort extends SpindleException {
    private static final long serialVersionUID = 1L;

    /** The message as received. */
    private final byte[] wholeMessage;

    /** The message {@code wholeMessage}, for which {@code room} bytes were too few. */
    public BufferTooShort(byte[] wholeMessage, int room) {
        super("a message of " + wholeMessage.length + " bytes does not fit in the " + room
                + " bytes the buffer has from its offset; it is received and carried by this exception (wholeMessage())");
        this.wholeMessage = wholeMessage;
    }

    /** The complete message that did not fit (Python's {@code args[0]}); the array itself, not a copy. */
    public byte[] wholeMessage() {
        return wholeMessage;
    }
}
