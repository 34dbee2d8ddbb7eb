package dev.spindle.function;

import java.io.Serializable;

/**
 * A task that takes two arguments, may throw any exception, and can be sent to another process: a lambda or method
 * reference of this type is serializable with no JVM flag, provided what it captures is.
 */
@FunctionalInterface
public interface CheckedBiConsumer<A, B> extends Serializable {
    /** Runs the task. */
    void accept(A first, B second) throws Exception;
}
