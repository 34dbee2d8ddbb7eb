package dev.spindle.internal.pool;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages between a pool and its worker processes. Both directions carry batches, so that a
 * stream of tiny tasks costs one pipe message per batch, not per task.
 *
 * <pre>
 * parent → worker: int count, then per task:
 *     long seq, int functionId, int functionLength (-1: the worker has it), function bytes,
 *     byte shape (Task.Shape ordinal), int argumentsLength, arguments bytes (codec: an ArrayList)
 * worker → parent: byte kind (READY | RESULTS | INIT_FAILED), then
 *     READY:       nothing (the worker is up and initialized; sent once, first)
 *     RESULTS:     int count, then per result: long seq, byte status, int length, bytes
 *     INIT_FAILED: int length, the initializer's exception (ExceptionTransport)
 * </pre>
 */
final class Wire {
    static final byte RESULTS = 1;
    static final byte INIT_FAILED = 2;
    static final byte READY = 3;
    /** The value, codec-encoded. */
    static final byte OK = 0;
    /** The function threw: the exception, as ExceptionTransport. */
    static final byte RAISED = 1;
    /** The value could not be encoded: a UTF-8 message. */
    static final byte UNSENDABLE = 2;

    private Wire() {}

    /** A task as the worker reads it. */
    record TaskMessage(long seq, int functionId, byte[] function, Task.Shape shape, byte[] arguments) {}

    /** A result as the parent reads it. */
    record ResultMessage(long seq, byte status, byte[] body) {}

    /** A batch being written. */
    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        private final DataOutputStream out = new DataOutputStream(bytes);
        private int count;

        Writer task(Task task, boolean withFunction) {
            try {
                out.writeLong(task.seq);
                out.writeInt(task.encodedFunction.id());
                writeBytes(withFunction ? task.encodedFunction.bytes() : null);
                out.writeByte(task.shape.ordinal());
                writeBytes(task.encodedArguments);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
            return this;
        }

        Writer result(long seq, byte status, byte[] body) {
            try {
                out.writeLong(seq);
                out.writeByte(status);
                writeBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
            return this;
        }

        private void writeBytes(byte[] b) throws IOException {
            if (b == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(b.length);
                out.write(b);
            }
        }

        int count() {
            return count;
        }

        /** The task batch. */
        byte[] tasks() {
            return ByteBuffer.allocate(4 + bytes.size()).putInt(count).put(bytes.toByteArray()).array();
        }

        /** The result batch; resets this writer. */
        byte[] results() {
            byte[] body = bytes.toByteArray();
            byte[] message = ByteBuffer.allocate(5 + body.length).put(RESULTS).putInt(count).put(body).array();
            bytes.reset();
            count = 0;
            return message;
        }
    }

    static byte[] ready() {
        return new byte[] {READY};
    }

    static byte[] initFailed(byte[] error) {
        return ByteBuffer.allocate(5 + error.length).put(INIT_FAILED).putInt(error.length).put(error).array();
    }

    static List<TaskMessage> readTasks(ByteBuffer in) {
        int count = in.getInt();
        List<TaskMessage> tasks = new ArrayList<>(count);
        Task.Shape[] shapes = Task.Shape.values();
        for (int i = 0; i < count; i++) {
            long seq = in.getLong();
            int functionId = in.getInt();
            byte[] function = readBytes(in);
            Task.Shape shape = shapes[in.get()];
            tasks.add(new TaskMessage(seq, functionId, function, shape, readBytes(in)));
        }
        return tasks;
    }

    static List<ResultMessage> readResults(ByteBuffer in) {
        int count = in.getInt();
        List<ResultMessage> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long seq = in.getLong();
            byte status = in.get();
            results.add(new ResultMessage(seq, status, readBytes(in)));
        }
        return results;
    }

    static byte[] readError(ByteBuffer in) {
        return readBytes(in);
    }

    /** A length-prefixed byte array; length -1 is null (as {@code Writer.writeBytes} writes it). */
    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
