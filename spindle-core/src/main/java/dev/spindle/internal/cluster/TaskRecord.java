package dev.spindle.internal.cluster;

import dev.spindle.internal.pool.Task;
import dev.spindle.internal.wire.Wire;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A task as it waits in a cluster's stream: who sent it (its client and seq), its function — the
 * bytes, or only their hash once they are stored — its arguments and its limits. Anyone can write
 * to Redis, so a host reads an entry as it would hostile bytes: every length is checked.
 *
 * @param clientId      the client whose results list gets the outcome
 * @param seq           the task's seq in that client's pool
 * @param functionHash  the hex SHA-256 of the encoded function
 * @param function      the encoded function, or null when it is stored under its hash
 * @param arguments     the encoded arguments
 * @param shape         how the function is applied
 * @param timeoutMillis how long it may run; 0: no limit
 * @param retries       how often it runs again if its worker process dies
 * @param classPath     the hash of the client's shipped class path's manifest; "" if it shipped none
 */
record TaskRecord(String clientId, long seq, String functionHash, byte[] function, byte[] arguments, Task.Shape shape,
                  long timeoutMillis, int retries, String classPath) {
    private static final byte TYPE = 'T';

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + arguments.length + (function == null ? 0 : function.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(clientId);
            out.writeLong(seq);
            out.writeUTF(functionHash);
            Wire.writeBytes(out, function);
            Wire.writeBytes(out, arguments);
            out.writeByte(shape.ordinal());
            out.writeLong(timeoutMillis);
            out.writeInt(retries);
            out.writeUTF(classPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Wire.frame(TYPE, bytes.toByteArray());
    }

    /**
     * The task in {@code entry}.
     *
     * @throws IllegalArgumentException saying what is wrong with it, if it is no task entry
     */
    static TaskRecord decode(byte[] entry) {
        try {
            Wire.Frame frame = Wire.parse(entry);
            if (frame.type() != TYPE) {
                throw new IllegalArgumentException("not a task entry (type " + frame.type() + ")");
            }
            ByteBuffer in = frame.payload();
            String clientId = utf(in);
            long seq = in.getLong();
            String hash = utf(in);
            byte[] function = Wire.bytes(in);
            byte[] arguments = Wire.bytes(in);
            int shape = in.get();
            long timeout = in.getLong();
            int retries = in.getInt();
            String classPath = utf(in);
            if (arguments == null || shape < 0 || shape >= Task.Shape.values().length || timeout < 0 || retries < 0
                    || in.hasRemaining()) {
                throw new IllegalArgumentException("a task entry with impossible fields");
            }
            return new TaskRecord(clientId, seq, hash, function, arguments, Task.Shape.values()[shape], timeout, retries,
                    classPath);
        } catch (IOException | BufferUnderflowException e) {
            throw new IllegalArgumentException("a task entry that cannot be read: " + e, e);
        }
    }

    /** A string written by {@link DataOutputStream#writeUTF} (two bytes of length, then modified UTF-8; ASCII here). */
    static String utf(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Who sent the task in {@code entry}, if that much of it can be read: where its failure goes. */
    static TaskRecord senderOf(byte[] entry) {
        try {
            ByteBuffer in = Wire.parse(entry).payload();
            String clientId = utf(in);
            long seq = in.getLong();
            return new TaskRecord(clientId, seq, "", null, new byte[0], Task.Shape.SINGLE, 0, 0, "");
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
