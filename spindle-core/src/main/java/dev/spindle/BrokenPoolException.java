package dev.spindle;

/**
 * The pool cannot run tasks any more (Python's {@code BrokenProcessPool}), for instance because
 * its initializer failed: workers are not restarted in an endless loop. The cause says why.
 */
public class BrokenPoolException extends SpindleException {
    private static final long serialVersionUID = 1L;

    /** A broken pool, with the reason. */
    public BrokenPoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
