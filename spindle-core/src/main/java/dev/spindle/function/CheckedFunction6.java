package dev.spindle.function;

import java.util.List;

/**
 * A function of six arguments that may throw any exception and can be sent to another
 * process (serializable like {@link CheckedFunction}): {@code pool.apply(fn, a, b, c, d, e, f)}.
 */
@FunctionalInterface
public interface CheckedFunction6<A, B, C, D, E, F, R> extends MultiArgument {
    /** Applies the function. */
    R apply(A first, B second, C third, D fourth, E fifth, F sixth) throws Exception;

    @Override
    default int arity() {
        return 6;
    }

    @Override
    @SuppressWarnings("unchecked")
    default Object invokeWith(List<?> arguments) throws Exception {
        List<?> a = MultiArgument.require(arguments, 6);
        return apply((A) a.get(0), (B) a.get(1), (C) a.get(2), (D) a.get(3), (E) a.get(4), (F) a.get(5));
    }
}
