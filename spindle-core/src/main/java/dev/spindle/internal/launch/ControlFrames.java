package dev.spindle.internal.launch;

/**
 * The frame types of the parent-child control channel, on Spindle's one framing
 * ({@link dev.spindle.internal.wire.Wire}). Parent to child, on the child's stdin: TARGET. Child
 * to parent, in its report file: READY, OUTCOME_ERROR, EXPLICIT_EXIT, EXITING.
 */
final class ControlFrames {
    /** Parent to child: the encoded {@link ProcessSpec} to run (see {@link ProcessForm}). */
    static final byte TARGET = 1;
    /** Child to parent: a warm child is primed and waits for its target. */
    static final byte READY = 2;
    /** Child to parent: the target threw; payload from {@code ExceptionTransport}. */
    static final byte OUTCOME_ERROR = 3;
    /** Child to parent: user code called System.exit, so the OS exit status is the exit code. */
    static final byte EXPLICIT_EXIT = 4;
    /** Child to parent: the child is exiting with the int exit code in the payload. */
    static final byte EXITING = 5;

    /** A target may be as large as an array; the bound guards readers against corrupt lengths. */
    static final int MAX_PAYLOAD = Integer.MAX_VALUE - 16;

    private ControlFrames() {}
}
