package dev.spindle.function;

import java.io.Serializable;

/**
 * A function of two arguments that may throw any exception and can be sent to another process
 * (serializable like {@link CheckedFunction}).
 */
@FunctionalInterface
public interface CheckedBiFunction<A, B, R> extends Serializable {
    /** Applies the function. */
    R apply(A first, B second) throws Exception;
}
