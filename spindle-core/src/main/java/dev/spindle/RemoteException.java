package dev.spindle;

/**
 * Stands in for an exception from another process whose class cannot be re-created here (it is
 * missing, or the exception would not serialize): it keeps that exception's class name, message,
 * stack frames and cause chain, and prints like it. When the class can cross, the original
 * exception arrives instead, and this type is not used.
 */
public class RemoteException extends SpindleException {
    private static final long serialVersionUID = 1L;
    private final String remoteClassName;

    /** A stand-in for an exception of {@code remoteClassName}; set frames with {@link #setStackTrace}. */
    public RemoteException(String remoteClassName, String message, Throwable cause) {
        super(message, cause);
        this.remoteClassName = remoteClassName;
    }

    /** The fully qualified class name of the exception thrown in the other process. */
    public String remoteClassName() {
        return remoteClassName;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? remoteClassName : remoteClassName + ": " + message;
    }
}
