package dev.spindle.internal.wire;

import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Spindle's one framing for bytes between processes: the control channel of a child (the target
 * down its stdin, its reports in a file), the pool's batches and (next) sockets. Pipe messages
 * from users are the ring's own (see {@code PipeLayout}); the pool's travel inside them as frames.
 *
 * <pre>
 * frame, version 1:
 * +0  int  length    bytes after this field: 2 + payload
 * +4  byte version   {@link #VERSION}; a reader refuses any other
 * +5  byte type      what the payload is, per channel
 * +6  payload
 * </pre>
 * On a stream, frames follow one another; a pipe message holds exactly one. Inside payloads, a
 * byte array is {@code [int length][bytes]}, length -1 for null ({@link #writeBytes},
 * {@link #bytes(ByteBuffer)}).
 */
public final class Wire {
    /** The frame format this Spindle writes and reads. */
    public static final byte VERSION = 1;
    /** Length field, version and type. */
    public static final int HEADER_BYTES = 6;
    private static final int AFTER_LENGTH = 2;

    private Wire() {}

    /** One frame read: its type and its payload (positioned at its start). */
    public record Frame(byte type, ByteBuffer payload) {
        /** The payload as a new array. */
        public byte[] payloadBytes() {
            byte[] bytes = new byte[payload.remaining()];
            payload.duplicate().get(bytes);
            return bytes;
        }
    }

    /**
     * Fills in the header of the frame that is all of {@code frame}: a writer that builds its
     * payload in place leaves the first {@link #HEADER_BYTES} free and calls this last.
     */
    public static byte[] withHeader(byte[] frame, byte type) {
        ByteBuffer.wrap(frame).putInt(frame.length - Integer.BYTES).put(VERSION).put(type);
        return frame;
    }

    /** Writes a byte array into a payload as {@code [int length][bytes]}, null as length -1. */
    public static void writeBytes(DataOutput out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    /** A whole frame of {@code type} around {@code payload}. */
    public static byte[] frame(byte type, byte[] payload) {
        byte[] frame = new byte[HEADER_BYTES + payload.length];
        System.arraycopy(payload, 0, frame, HEADER_BYTES, payload.length);
        return withHeader(frame, type);
    }

    /** Writes one frame in one write call (so a file or pipe sees it whole) and flushes. */
    public static void write(OutputStream out, byte type, byte[] payload) throws IOException {
        out.write(frame(type, payload));
        out.flush();
    }

    /**
     * Reads one frame from a stream; EOFException at a clean end (and in the middle of a frame).
     *
     * @throws IOException if the length is out of range or the version is not this one
     */
    public static Frame read(InputStream in, int maxPayload) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        if (length < AFTER_LENGTH || length - AFTER_LENGTH > maxPayload) {
            throw new CorruptFrameException("corrupt frame: length " + length + " (at most " + maxPayload + " bytes of payload)");
        }
        byte version = data.readByte();
        checkVersion(version);
        byte type = data.readByte();
        byte[] payload = new byte[length - AFTER_LENGTH];
        data.readFully(payload);
        return new Frame(type, ByteBuffer.wrap(payload));
    }

    /** Reads one frame, or returns null at a clean end of the stream. */
    public static Frame readOrNull(InputStream in, int maxPayload) throws IOException {
        try {
            return read(in, maxPayload);
        } catch (EOFException end) {
            return null;
        }
    }

    /**
     * The one frame that fills {@code message} (a pipe message).
     *
     * @throws IOException if the message is not one whole frame of this version
     */
    public static Frame parse(byte[] message) throws IOException {
        if (message.length < HEADER_BYTES) {
            throw new CorruptFrameException("corrupt frame: " + message.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(message);
        int length = in.getInt();
        if (length != message.length - Integer.BYTES) {
            throw new CorruptFrameException("corrupt frame: length " + length + " in a message of " + message.length + " bytes");
        }
        checkVersion(in.get());
        byte type = in.get();
        return new Frame(type, in.slice());
    }

    /** A byte array written by {@link #writeBytes}; null for length -1. */
    public static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < -1 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        if (length == -1) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static void checkVersion(byte version) throws IOException {
        if (version != VERSION) {
            throw new CorruptFrameException("frame of wire version " + version + " where this Spindle reads version " + VERSION
                    + ": the other process runs another Spindle");
        }
    }
}
