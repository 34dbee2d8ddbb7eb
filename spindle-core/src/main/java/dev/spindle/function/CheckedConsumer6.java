package dev.spindle.function;

import java.util.List;

/**
 * A task of six arguments that may throw any exception and can be sent to another process
 * (serializable like {@link CheckedConsumer}): {@code new ChildProcess(task, a, b, c, d, e, f)}.
 */
@FunctionalInterface
public interface CheckedConsumer6<A, B, C, D, E, F> extends MultiArgument {
    /** Runs the task. */
    void accept(A first, B second, C third, D fourth, E fifth, F sixth) throws Exception;

    @Override
    default int arity() {
        return 6;
    }

    @Override
    @SuppressWarnings("unchecked")
    default Object invokeWith(List<?> arguments) throws Exception {
        List<?> a = MultiArgument.require(arguments, 6);
        accept((A) a.get(0), (B) a.get(1), (C) a.get(2), (D) a.get(3), (E) a.get(4), (F) a.get(5));
        return null;
    }
}
