package dev.spindle.function;

import java.util.List;

/**
 * A task of three arguments that may throw any exception and can be sent to another process
 * (serializable like {@link CheckedConsumer}): {@code new ChildProcess(task, a, b, c)}.
 */
@FunctionalInterface
public interface CheckedConsumer3<A, B, C> extends MultiArgument {
    /** Runs the task. */
    void accept(A first, B second, C third) throws Exception;

    @Override
    default int arity() {
        return 3;
    }

    @Override
    @SuppressWarnings("unchecked")
    default Object invokeWith(List<?> arguments) throws Exception {
        List<?> a = MultiArgument.require(arguments, 3);
        accept((A) a.get(0), (B) a.get(1), (C) a.get(2));
        return null;
    }
}
