package dev.spindle.managers;

import dev.spindle.SpindleException;

/**
 * A manager that cannot be reached: its process is gone, or was shut down, or the call's connection
 * broke. A call blocked in the manager when it died throws this at once; later calls too.
 * (Python raises {@code EOFError} or {@code ConnectionRefusedError} here.)
 */
public class ManagerException extends SpindleException {
    private static final long serialVersionUID = 1L;

    /** A manager unreachable for the reason {@code message} gives. */
    public ManagerException(String message, Throwable cause) {
        super(message, cause);
    }
}
