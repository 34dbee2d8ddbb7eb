package dev.spindle.internal.pool;

import dev.spindle.function.CheckedBiFunction;
import dev.spindle.function.CheckedFunction;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.function.MultiArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Applies a task's function to its arguments, the same way in a thread and in a worker process. */
final class Invocation {
    private Invocation() {}

    /** Runs {@code function} in the given shape and returns the task's result. */
    static Object run(Object function, Task.Shape shape, List<Object> arguments) throws Exception {
        return switch (shape) {
            case SINGLE -> call(function, arguments);
            case CHUNK -> {
                @SuppressWarnings("unchecked")
                CheckedFunction<Object, Object> f = (CheckedFunction<Object, Object>) function;
                List<Object> results = new ArrayList<>(arguments.size());
                for (Object item : arguments) {
                    results.add(f.apply(item));
                }
                yield results;
            }
            case STAR_CHUNK -> {
                List<Object> results = new ArrayList<>(arguments.size());
                for (Object item : arguments) {
                    results.add(call(function, (List<?>) item));
                }
                yield results;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Object call(Object function, List<?> arguments) throws Exception {
        return switch (arguments.size()) {
            case 0 -> switch (function) {
                case Callable<?> c -> c.call();
                case CheckedRunnable r -> {
                    r.run();
                    yield null;
                }
                case Runnable r -> {
                    r.run();
                    yield null;
                }
                default -> throw wrongKind(function, 0);
            };
            case 1 -> function instanceof CheckedFunction<?, ?> f
                    ? ((CheckedFunction<Object, Object>) f).apply(arguments.get(0)) : throwWrongKind(function, 1);
            case 2 -> function instanceof CheckedBiFunction<?, ?, ?> f
                    ? ((CheckedBiFunction<Object, Object, Object>) f).apply(arguments.get(0), arguments.get(1))
                    : throwWrongKind(function, 2);
            default -> function instanceof MultiArgument m && m.arity() == arguments.size()
                    ? m.invokeWith(arguments) : throwWrongKind(function, arguments.size());
        };
    }

    private static Object throwWrongKind(Object function, int arity) {
        throw wrongKind(function, arity);
    }

    private static IllegalArgumentException wrongKind(Object function, int arity) {
        return new IllegalArgumentException(function.getClass().getName() + " cannot take " + arity + " argument(s)");
    }
}
