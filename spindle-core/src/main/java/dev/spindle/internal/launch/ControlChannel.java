package dev.spindle.internal.launch;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Length-prefixed frames over the Unix-domain control socket between a parent and one child.
 * A frame is {@code [int length][byte type][payload]}, length counting type and payload.
 * Writes are serialised so that frames from different threads never interleave.
 */
final class ControlChannel implements AutoCloseable {
    /** Child to parent, first frame: the launch token (UTF-8). */
    static final byte HELLO = 1;
    /** Parent to child: the encoded {@code ChildProcess} to run. */
    static final byte TARGET = 2;
    /** Child to parent: the target returned. */
    static final byte OUTCOME_OK = 3;
    /** Child to parent: the target threw; payload from {@code ExceptionTransport}. */
    static final byte OUTCOME_ERROR = 4;
    /** Child to parent: user code called System.exit, so the OS exit status is the exit code. */
    static final byte EXPLICIT_EXIT = 5;
    /** Child to parent: the child is exiting with the int exit code in the payload. */
    static final byte EXITING = 6;

    /** Guards readers against corrupt lengths: no control frame is this large. */
    private static final int MAX_FRAME = Integer.MAX_VALUE - 16;

    record Frame(byte type, byte[] payload) {}

    private final SocketChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(5);

    ControlChannel(SocketChannel channel) {
        this.channel = channel;
    }

    synchronized void write(byte type, byte[] payload) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(5).putInt(payload.length + 1).put(type).flip();
        ByteBuffer body = ByteBuffer.wrap(payload);
        while (head.hasRemaining() || body.hasRemaining()) {
            channel.write(new ByteBuffer[] {head, body});
        }
    }

    void write(byte type) throws IOException {
        write(type, new byte[0]);
    }

    /** Reads one frame; EOFException when the other side has gone. Call from one thread only. */
    Frame read() throws IOException {
        header.clear();
        readFully(header);
        int length = header.flip().getInt();
        byte type = header.get();
        if (length < 1 || length > MAX_FRAME) {
            throw new IOException("corrupt control frame length " + length);
        }
        ByteBuffer payload = ByteBuffer.allocate(length - 1);
        readFully(payload);
        return new Frame(type, payload.array());
    }

    private void readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("control channel closed");
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket we no longer need
        }
    }
}
