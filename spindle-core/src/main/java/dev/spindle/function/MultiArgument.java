package dev.spindle.function;

import java.io.Serializable;
import java.util.List;

/**
 * What the functions and tasks of three to six arguments ({@link CheckedFunction3} …
 * {@link CheckedConsumer6}) share: Spindle calls them with the arguments it carried as a list,
 * as Python spreads a tuple of {@code args}. For more arguments, pass a record.
 */
public interface MultiArgument extends Serializable {
    /** How many arguments it takes. */
    int arity();

    /**
     * Calls it with {@code arguments} in order; a task's value is null.
     *
     * @throws IllegalArgumentException if there are not {@link #arity()} of them
     */
    Object invokeWith(List<?> arguments) throws Exception;

    /** {@code arguments}, checked to be {@code arity} of them. */
    static List<?> require(List<?> arguments, int arity) {
        if (arguments.size() != arity) {
            throw new IllegalArgumentException("a function of " + arity + " arguments cannot take " + arguments.size());
        }
        return arguments;
    }
}
