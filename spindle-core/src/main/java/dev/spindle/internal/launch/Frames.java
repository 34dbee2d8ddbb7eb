package dev.spindle.internal.launch;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Length-prefixed frames of the parent-child control protocol: {@code [int length][byte type]
 * [payload]}, length counting type and payload. Parent to child, on the child's stdin: TARGET.
 * Child to parent, in its report file: READY, OUTCOME_ERROR, EXPLICIT_EXIT, EXITING.
 */
final class Frames {
    /** Parent to child: the encoded {@code ChildProcess} to run. */
    static final byte TARGET = 1;
    /** Child to parent: a warm child is primed and waits for its target. */
    static final byte READY = 2;
    /** Child to parent: the target threw; payload from {@code ExceptionTransport}. */
    static final byte OUTCOME_ERROR = 3;
    /** Child to parent: user code called System.exit, so the OS exit status is the exit code. */
    static final byte EXPLICIT_EXIT = 4;
    /** Child to parent: the child is exiting with the int exit code in the payload. */
    static final byte EXITING = 5;

    /** Guards readers against corrupt lengths. */
    private static final int MAX_FRAME = Integer.MAX_VALUE - 16;

    record Frame(byte type, byte[] payload) {}

    private Frames() {}

    /** Writes and flushes one frame. */
    static void write(OutputStream out, byte type, byte[] payload) throws IOException {
        // One write call per frame: the report file and the pipe see whole frames.
        byte[] frame = new byte[payload.length + 5];
        ByteBuffer.wrap(frame).putInt(payload.length + 1).put(type).put(payload);
        out.write(frame);
        out.flush();
    }

    /** Reads one frame; EOFException at a clean end of stream. */
    static Frame read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        if (length < 1 || length > MAX_FRAME) {
            throw new IOException("corrupt control frame length " + length);
        }
        byte type = data.readByte();
        byte[] payload = new byte[length - 1];
        data.readFully(payload);
        return new Frame(type, payload);
    }

    /** Reads one frame, or returns null at a clean end of stream. */
    static Frame readOrNull(InputStream in) throws IOException {
        try {
            return read(in);
        } catch (EOFException end) {
            return null;
        }
    }
}
