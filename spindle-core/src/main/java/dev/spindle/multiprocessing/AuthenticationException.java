package dev.spindle.multiprocessing;

import dev.spindle.SpindleException;

/**
 * A socket connection whose peer did not prove it holds the same authkey (Python's
 * {@code multiprocessing.AuthenticationError}): thrown by {@link Client#connect} and
 * {@link Listener#accept} on both sides of a handshake that failed, and for a peer that does not
 * speak it or does not finish it in time. Nothing was served over that connection, which is closed.
 */
public class AuthenticationException extends SpindleException {
    private static final long serialVersionUID = 1L;

    /** A failed authentication, for the reason {@code message} gives. */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
