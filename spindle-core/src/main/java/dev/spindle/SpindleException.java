package dev.spindle;

/** The root of Spindle's unchecked exceptions. */
public class SpindleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public SpindleException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public SpindleException(String message, Throwable cause) {
        super(message, cause);
    }
}
