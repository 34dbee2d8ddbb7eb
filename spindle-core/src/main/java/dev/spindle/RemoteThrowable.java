package dev.spindle;

/**
 * Stands in for an exception from another process whose class could not be rebuilt here: it has
 * that exception's class name, message, stack frames and cause chain, and prints like it.
 */
public final class RemoteThrowable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String className;

    /** A stand-in for an exception of {@code className}; set frames with {@link #setStackTrace}. */
    public RemoteThrowable(String className, String message, Throwable cause) {
        super(message, cause, false, true);
        this.className = className;
    }

    /** The class name of the original exception. */
    public String className() {
        return className;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? className : className + ": " + message;
    }
}
