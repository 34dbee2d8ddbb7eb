package dev.spindle.function;

import java.io.Serializable;

/**
 * A task that takes no argument, may throw any exception, and can be sent to another process: a lambda or method
 * reference of this type is serializable with no JVM flag, provided what it captures is.
 */
@FunctionalInterface
public interface CheckedRunnable extends Serializable {
    /** Runs the task. */
    void run() throws Exception;
}
