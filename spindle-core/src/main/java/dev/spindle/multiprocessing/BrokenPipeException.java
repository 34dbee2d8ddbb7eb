package dev.spindle.multiprocessing;

import java.io.IOException;

/**
 * A pipe whose shared memory holds bytes no Spindle process wrote there (a stray write, a bug, a
 * hostile process with the user's rights): a position outside the ring, a message length that
 * cannot be, a message no sender is writing. The first process to find it marks the pipe broken
 * for every process that uses it, and from then on every call on either end — {@code send},
 * {@code recv}, {@code poll} — throws this at once, instead of waiting for bytes that will never
 * come or delivering garbage. Nothing on the pipe can be trusted after that: open a new one.
 * (Python's {@code BrokenPipeError} is the nearest: the channel is gone for good.)
 */
public class BrokenPipeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A pipe broken for the reason {@code message} gives. */
    public BrokenPipeException(String message) {
        super(message);
    }
}
