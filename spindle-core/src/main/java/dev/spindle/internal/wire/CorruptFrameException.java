package dev.spindle.internal.wire;

import java.io.IOException;

/**
 * Bytes that are not a frame of this wire: a peer out of step or of another version, not a peer
 * that went away. An IOException, as every failure to read the stream is, so that callers that
 * only stop reading need no second catch; those that must tell the two apart (a pool's driver
 * logs a protocol error and kills the worker) catch this one first.
 */
public final class CorruptFrameException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptFrameException(String message) {
        super(message);
    }
}
