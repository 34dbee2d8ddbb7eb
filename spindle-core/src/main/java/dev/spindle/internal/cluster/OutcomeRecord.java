package dev.spindle.internal.cluster;

import dev.spindle.internal.pool.EncodedOutcome;
import dev.spindle.internal.wire.Wire;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * A task's outcome as it waits in its client's results list: the task's seq and the worker's
 * undecoded outcome, named by the host and process that ran it.
 */
final class OutcomeRecord {
    private static final byte TYPE = 'O';

    /** An outcome read back: the task's seq and what its worker sent. */
    record Returned(long seq, EncodedOutcome outcome) {}

    private OutcomeRecord() {}

    static byte[] encode(long seq, EncodedOutcome outcome) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + outcome.body().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(seq);
            out.writeByte(outcome.status());
            Wire.writeBytes(out, outcome.body());
            out.writeUTF(outcome.worker());
            out.writeLong(outcome.pid());
            out.writeLong(outcome.nanos());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Wire.frame(TYPE, bytes.toByteArray());
    }

    /**
     * The outcome in {@code bytes}.
     *
     * @throws IllegalArgumentException if they hold none
     */
    static Returned decode(byte[] bytes) {
        try {
            Wire.Frame frame = Wire.parse(bytes);
            if (frame.type() != TYPE) {
                throw new IllegalArgumentException("not an outcome (type " + frame.type() + ")");
            }
            ByteBuffer in = frame.payload();
            long seq = in.getLong();
            byte status = in.get();
            byte[] body = Wire.bytes(in);
            String worker = TaskRecord.utf(in);
            long pid = in.getLong();
            long nanos = in.getLong();
            if (body == null || nanos < 0 || in.hasRemaining()) {
                throw new IllegalArgumentException("an outcome with impossible fields");
            }
            return new Returned(seq, new EncodedOutcome(status, body, worker, pid, nanos));
        } catch (IOException | BufferUnderflowException e) {
            throw new IllegalArgumentException("an outcome that cannot be read: " + e, e);
        }
    }
}
