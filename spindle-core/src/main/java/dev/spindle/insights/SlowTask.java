package dev.spindle.insights;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * One of the slowest tasks a pool ran: how long its function took in its worker, which function
 * with which arguments (each shortened to a line), and where it ran.
 *
 * @param took      time inside the function (a chunk's: all its items)
 * @param function  the function, as {@code Class::method} where it is a method reference or lambda
 * @param arguments the arguments (a chunk's items), shortened
 * @param worker    the name of the worker that ran it
 */
public record SlowTask(Duration took, String function, String arguments, String worker) implements Serializable {
    public SlowTask {
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(worker, "worker");
    }
}
