package dev.spindle.internal.pool;

import dev.spindle.internal.wire.Wire;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages between a pool and its worker processes: one frame of Spindle's framing
 * ({@link Wire}) per pipe message. Both directions carry batches, so that a stream of tiny tasks
 * costs one pipe message per batch, not per task.
 *
 * <pre>
 * parent → worker: TASKS: int count, then per task:
 *     long seq, int functionId, bytes function (null: the worker has it),
 *     byte shape (Task.Shape ordinal), bytes arguments (codec: an ArrayList)
 * worker → parent:
 *     READY:       nothing (the worker is up and initialized; sent once, first)
 *     RESULTS:     int count, then per result: long seq, byte status, long nanos (the function's
 *                  time, 0 when the pool records no insights), bytes body
 *     INIT_FAILED: bytes: the initializer's exception (ExceptionTransport)
 * bytes: int length (-1: null), then the bytes
 * </pre>
 */
final class PoolMessages {
    static final byte TASKS = 1;
    static final byte RESULTS = 2;
    static final byte INIT_FAILED = 3;
    static final byte READY = 4;
    /** The value, codec-encoded. */
    static final byte OK = 0;
    /** The function threw: the exception, as ExceptionTransport. */
    static final byte RAISED = 1;
    /** The value could not be encoded: a UTF-8 message. */
    static final byte UNSENDABLE = 2;

    /** Where a batch's count goes, after the frame header. */
    private static final int COUNT_AT = Wire.HEADER_BYTES;

    private PoolMessages() {}

    /** A task as the worker reads it. */
    record TaskMessage(long seq, int functionId, byte[] function, Task.Shape shape, byte[] arguments) {}

    /** A result as the parent reads it. */
    record ResultMessage(long seq, byte status, long nanos, byte[] body) {}

    /** A batch being written, in place: the frame header and the count are filled in last. */
    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        private final DataOutputStream out = new DataOutputStream(bytes);
        private int count;

        Writer() {
            reset();
        }

        Writer task(Task task, boolean withFunction) {
            try {
                out.writeLong(task.seq);
                out.writeInt(task.encodedFunction.id());
                Wire.writeBytes(out, withFunction ? task.encodedFunction.bytes() : null);
                out.writeByte(task.shape.ordinal());
                Wire.writeBytes(out, task.encodedArguments);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array stream does not fail
            }
            count++;
            return this;
        }

        Writer result(long seq, byte status, long nanos, byte[] body) {
            try {
                out.writeLong(seq);
                out.writeByte(status);
                out.writeLong(nanos);
                Wire.writeBytes(out, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
            return this;
        }

        int count() {
            return count;
        }

        /** The task batch; resets this writer. */
        byte[] tasks() {
            return finish(TASKS);
        }

        /** The result batch; resets this writer. */
        byte[] results() {
            return finish(RESULTS);
        }

        private byte[] finish(byte type) {
            byte[] frame = bytes.toByteArray();
            ByteBuffer.wrap(frame).putInt(COUNT_AT, count);
            reset();
            return Wire.withHeader(frame, type);
        }

        private void reset() {
            bytes.reset();
            count = 0;
            bytes.write(new byte[COUNT_AT + Integer.BYTES], 0, COUNT_AT + Integer.BYTES);
        }
    }

    static byte[] ready() {
        return Wire.frame(READY, new byte[0]);
    }

    static byte[] initFailed(byte[] error) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(4 + error.length);
        try {
            Wire.writeBytes(new DataOutputStream(payload), error);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return Wire.frame(INIT_FAILED, payload.toByteArray());
    }

    static List<TaskMessage> readTasks(ByteBuffer in) {
        int count = in.getInt();
        List<TaskMessage> tasks = new ArrayList<>(count);
        Task.Shape[] shapes = Task.Shape.values();
        for (int i = 0; i < count; i++) {
            long seq = in.getLong();
            int functionId = in.getInt();
            byte[] function = Wire.bytes(in);
            Task.Shape shape = shapes[in.get()];
            tasks.add(new TaskMessage(seq, functionId, function, shape, Wire.bytes(in)));
        }
        return tasks;
    }

    static List<ResultMessage> readResults(ByteBuffer in) {
        int count = in.getInt();
        List<ResultMessage> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long seq = in.getLong();
            byte status = in.get();
            long nanos = in.getLong();
            results.add(new ResultMessage(seq, status, nanos, Wire.bytes(in)));
        }
        return results;
    }

    static byte[] readError(ByteBuffer in) {
        return Wire.bytes(in);
    }
}
