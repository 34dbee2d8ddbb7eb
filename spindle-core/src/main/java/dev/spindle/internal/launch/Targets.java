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
        // Tests, not a pattern switch: its bootstrap spins a class at run time, some milliseconds
        // of every fresh child's start that the AOT cache does not keep.
        int count = arguments.size();
        if (target instanceof CheckedRunnable r && count == 0) {
            r.run();
        } else if (target instanceof CheckedConsumer<?> c && count == 1) {
            ((CheckedConsumer<Object>) c).accept(arguments.get(0));
        } else if (target instanceof CheckedBiConsumer<?, ?> b && count == 2) {
            ((CheckedBiConsumer<Object, Object>) b).accept(arguments.get(0), arguments.get(1));
        } else if (target instanceof MultiArgument m && count == m.arity()) {
            m.invokeWith(arguments);
        } else {
            throw new IllegalStateException(target + " cannot take " + count + " argument(s)");
        }
    }

    /** An unmodifiable copy that keeps nulls (a target's argument may be null) and is serializable. */
    public static List<Object> copyOf(List<?> arguments) {
        return Collections.unmodifiableList(new ArrayList<>(arguments));
    }
}
