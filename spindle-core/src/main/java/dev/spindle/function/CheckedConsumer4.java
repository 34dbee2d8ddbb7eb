package dev.spindle.function;

import java.util.List;

/**
 * A task of four arguments that may throw any exception and can be sent to another process
 * (serializable like {@link CheckedConsumer}): {@code new ChildProcess(task, a, b, c, d)}.
 */
@FunctionalInterface
public interface CheckedConsumer4<A, B, C, D> extends MultiArgument {
    /** Runs the task. */
    void accept(A first, B second, C third, D fourth) throws Exception;

    @Override
    default int arity() {
        return 4;
    }

    @Override
    @SuppressWarnings("unchecked")
    default Object invokeWith(List<?> arguments) throws Exception {
        List<?> a = MultiArgument.require(arguments, 4);
        accept((A) a.get(0), (B) a.get(1), (C) a.get(2), (D) a.get(3));
        return null;
    }
}
