package dev.spindle.internal.pool;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.ExceptionTransport;
import java.nio.charset.StandardCharsets;

/**
 * A task's outcome as a worker process sent it, not yet decoded: the value or the exception, and
 * which worker ran it. A pool decodes it at once; a cluster's worker host passes it on as it is,
 * so the host never needs the classes of a client's values and exceptions.
 *
 * @param status {@link #OK}, {@link #RAISED} or {@link #UNSENDABLE}
 * @param body   the value (codec), the exception ({@link ExceptionTransport}), or a UTF-8 message
 * @param worker the name of the process that ran the task
 * @param pid    its process id
 * @param nanos  the function's time in the worker; 0 when not measured (the pool records no insights)
 */
public record EncodedOutcome(byte status, byte[] body, String worker, long pid, long nanos) {
    /** The value, codec-encoded. */
    public static final byte OK = PoolMessages.OK;
    /** The function threw (or its run failed): the exception, as ExceptionTransport. */
    public static final byte RAISED = PoolMessages.RAISED;
    /** The value could not be encoded: a UTF-8 message. */
    public static final byte UNSENDABLE = PoolMessages.UNSENDABLE;

    /** The outcome of a task that failed with {@code failure} where it was run, not in the task itself. */
    public static EncodedOutcome failed(Throwable failure, String worker, long pid) {
        return new EncodedOutcome(RAISED, ExceptionTransport.encode(failure), worker, pid, 0);
    }

    /**
     * The failure this outcome holds as a process without the task's classes sees it (a cluster's
     * host): the exception in its portable form, or the message of a value that could not be sent;
     * null if it holds a value. Nothing of the task's own classes is deserialized.
     */
    Throwable portableFailure() {
        return switch (status) {
            case OK -> null;
            case RAISED -> ExceptionTransport.decodePortable(body, worker, pid);
            default -> new SerializationException(new String(body, StandardCharsets.UTF_8), null);
        };
    }

    /** Decodes this outcome, within {@code limits}, and finishes {@code task} with it. */
    void finish(TaskEngine engine, Task task, ReadLimits limits) {
        switch (status) {
            case OK -> {
                Object value;
                try {
                    value = Codec.get().decode(body, limits);
                } catch (SerializationException e) {
                    engine.finish(task, null, e);
                    return;
                }
                engine.finish(task, value, null);
            }
            case RAISED -> engine.finish(task, null, ExceptionTransport.decode(body, worker, pid));
            default -> engine.finish(task, null, new SerializationException(new String(body, StandardCharsets.UTF_8), null));
        }
    }
}
