package dev.spindle.function;

import java.io.Serializable;

/**
 * A task that takes one argument, may throw any exception, and can be sent to another process: a lambda or method
 * reference of this type is serializable with no JVM flag, provided what it captures is.
 */
@FunctionalInterface
public interface CheckedConsumer<A> extends Serializable {
    /** Runs the task. */
    void accept(A argument) throws Exception;
}
