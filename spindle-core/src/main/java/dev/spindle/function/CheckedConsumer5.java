package dev.spindle.function;

import java.util.List;

/**
 * A task of five arguments that may throw any exception and can be sent to another process
 * (serializable like {@link CheckedConsumer}): {@code new ChildProcess(task, a, b, c, d, e)}.
 */
@FunctionalInterface
public interface CheckedConsumer5<A, B, C, D, E> extends MultiArgument {
    /** Runs the task. */
    void accept(A first, B second, C third, D fourth, E fifth) throws Exception;

    @Override
    default int arity() {
        return 5;
    }

    @Override
    @SuppressWarnings("unchecked")
    default Object invokeWith(List<?> arguments) throws Exception {
        List<?> a = MultiArgument.require(arguments, 5);
        accept((A) a.get(0), (B) a.get(1), (C) a.get(2), (D) a.get(3), (E) a.get(4));
        return null;
    }
}
