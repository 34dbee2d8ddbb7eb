package dev.spindle;

/**
 * An object could not be encoded for another process (Python's {@code PicklingError}). Thrown at
 * the call that tried to send it ({@code start}, {@code send}), never later in a background
 * thread. The message names the class that failed and the field path that led to it.
 */
public class SerializationException extends SpindleException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message and the serializer's own exception. */
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
