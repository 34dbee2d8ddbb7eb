package dev.spindle.function;

import java.io.Serializable;

/**
 * A function of one argument that may throw any exception and can be sent to another process: a
 * lambda or method reference of this type is serializable with no JVM flag, provided what it
 * captures is.
 */
@FunctionalInterface
public interface CheckedFunction<A, R> extends Serializable {
    /** Applies the function. */
    R apply(A argument) throws Exception;
}
