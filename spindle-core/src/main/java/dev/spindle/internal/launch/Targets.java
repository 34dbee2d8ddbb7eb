package dev.spindle.internal.launch;

import dev.spindle.function.CheckedBiConsumer;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.function.MultiArgument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How a process's target is called with its arguments, wherever it runs: a child JVM, a thread, the caller. */
public final class Targets {
    private Targets() {}

    /**
     * Calls {@code target} with {@code arguments}.
     *
     * @throws IllegalStateException if the target does not take that many arguments
     */
    @SuppressWarnings("unchecked")
    public static void call(Object target, List<?> arguments) throws Exception {
        switch (target) {
            case CheckedRunnable r when arguments.isEmpty() -> r.run();
            case CheckedConsumer<?> c when arguments.size() == 1 -> ((CheckedConsumer<Object>) c).accept(arguments.get(0));
            case CheckedBiConsumer<?, ?> b when arguments.size() == 2 ->
                    ((CheckedBiConsumer<Object, Object>) b).accept(arguments.get(0), arguments.get(1));
            case MultiArgument m when arguments.size() == m.arity() -> m.invokeWith(arguments);
            default -> throw new IllegalStateException(target + " cannot take " + arguments.size() + " argument(s)");
        }
    }

    /** An unmodifiable copy that keeps nulls (a target's argument may be null) and is serializable. */
    public static List<Object> copyOf(List<?> arguments) {
        return Collections.unmodifiableList(new ArrayList<>(arguments));
    }
}
