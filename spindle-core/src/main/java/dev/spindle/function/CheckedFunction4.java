package dev.spindle.function;

import java.util.List;

/**
 * A function of four arguments that may throw any exception and can be sent to another
 * process (serializable like {@link CheckedFunction}): {@code pool.apply(fn, a, b, c, d)}.
 */
@FunctionalInterface
public interface CheckedFunction4<A, B, C, D, R> extends MultiArgument {
    /** Applies the function. */
    R apply(A first, B second, C third, D fourth) throws Exception;

    @Override
    default int arity() {
        return 4;
    }

    @Override
    @SuppressWarnings("unchecked")
    default Object invokeWith(List<?> arguments) throws Exception {
        List<?> a = MultiArgument.require(arguments, 4);
        return apply((A) a.get(0), (B) a.get(1), (C) a.get(2), (D) a.get(3));
    }
}
