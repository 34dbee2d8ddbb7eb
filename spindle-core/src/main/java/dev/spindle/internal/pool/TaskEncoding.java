package dev.spindle.internal.pool;

import dev.spindle.ReadLimits;
import dev.spindle.SerializationException;
import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.SizeLimit;
import dev.spindle.internal.launch.ChildClassPath;
import java.io.Serializable;
import java.util.ArrayList;

/** Encodes a task for another process at submit, so that what cannot travel is refused there, not in a worker. */
final class TaskEncoding {
    private TaskEncoding() {}

    /**
     * Fills {@code task}'s encoded function (from {@code functions}) and arguments.
     *
     * @throws SerializationException if the function or an argument cannot be encoded
     * @throws IllegalArgumentException if either is above {@code limits}, which the worker decodes under
     */
    static void encode(Task task, FunctionTable functions, ReadLimits limits) {
        if (!(task.function instanceof Serializable)) {
            throw new SerializationException("a task for a worker process must be serializable, and this "
                    + task.function.getClass().getName() + " is not: write the lambda or method reference at the call"
                    + " (submit(() -> work()) makes it a Spindle serializable interface), cast it"
                    + " ((CheckedCallable<T>) () -> work(), (SerializableRunnable) () -> work()),"
                    + " or make its class implement Serializable", null);
        }
        ChildClassPath.requireReachable(task.function.getClass());
        task.encodedFunction = functions.entryFor(task.function);
        // The list codec's fast path takes exactly ArrayList, which is what pools build.
        task.encodedArguments = Codec.get().encode(task.arguments instanceof ArrayList<?> ? task.arguments : new ArrayList<>(task.arguments));
        int limit = limits.maxBytes();
        int length = Math.max(task.encodedArguments.length, task.encodedFunction.bytes().length);
        if (length > limit) {
            throw new IllegalArgumentException(SizeLimit.exceeded(
                    task.encodedArguments.length >= length ? "a task's arguments" : "a task's function", length, limit,
                    SizeLimit.FOR_A_POOL));
        }
    }
}
