package dev.spindle.insights;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A task that raised: when, which function with which arguments (shortened), and the traceback —
 * for a task run in another process, the {@link dev.spindle.RemoteTraceback} of where it raised.
 *
 * @param at        when the pool learnt of it
 * @param function  the function, as {@code Class::method} where it is a method reference or lambda
 * @param arguments the arguments (a chunk's items), shortened
 * @param traceback the exception's stack trace with its causes, shortened to a few kilobytes
 * @param worker    the name of the worker it raised in ("" when it failed outside any: a timeout, a dead worker)
 */
public record TaskFailure(Instant at, String function, String arguments, String traceback, String worker)
        implements Serializable {
    public TaskFailure {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(traceback, "traceback");
        Objects.requireNonNull(worker, "worker");
    }
}
