package dev.spindle.function;

import java.util.List;

/**
 * A function of three arguments that may throw any exception and can be sent to another
 * process (serializable like {@link CheckedFunction}): {@code pool.apply(fn, a, b, c)}.
 */
@FunctionalInterface
public interface CheckedFunction3<A, B, C, R> extends MultiArgument {
    /** Applies the function. */
    R apply(A first, B second, C third) throws Exception;

    @Override
    default int arity() {
        return 3;
    }

    @Override
    @SuppressWarnings("unchecked")
    default Object invokeWith(List<?> arguments) throws Exception {
        List<?> a = MultiArgument.require(arguments, 3);
        return apply((A) a.get(0), (B) a.get(1), (C) a.get(2));
    }
}
