package dev.spindle.internal.launch;

import dev.spindle.function.CheckedBiConsumer;
import dev.spindle.function.CheckedConsumer3;
import dev.spindle.function.CheckedConsumer4;
import dev.spindle.function.CheckedConsumer5;
import dev.spindle.function.CheckedConsumer6;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.internal.codec.Codec;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact form in which a plain {@link ChildProcess} (not a subclass) travels to its child:
 * the list {@code [name, daemon, target, arguments]} in the codec's plain encoding, which a fresh
 * child decodes without setting up Java's object streams (tens of milliseconds). The child
 * re-makes the process through its public constructors.
 */
public final class ProcessForm {
    private static final int NAME = 0;
    private static final int DAEMON = 1;
    private static final int TARGET = 2;
    private static final int ARGUMENTS = 3;

    private ProcessForm() {}

    /**
     * The compact form of a process, if the codec carries its target and arguments plainly (a
     * lambda capturing plain values, plain arguments); else null, and the process must travel
     * as itself.
     */
    public static byte[] encodePlainly(String name, boolean daemon, Object target, List<Object> arguments) {
        return Codec.get().encodePlainly(new ArrayList<>(Arrays.asList(name, daemon, target, new ArrayList<>(arguments))));
    }

    /** The process that a decoded target stands for: a process sent as itself, or a compact form. */
    static ChildProcess processFrom(Object decoded) {
        if (decoded instanceof ChildProcess process) {
            return process;
        }
        List<?> form = (List<?>) decoded;
        List<?> arguments = (List<?>) form.get(ARGUMENTS);
        ChildProcess process = make(form.get(TARGET), arguments);
        return process.name((String) form.get(NAME)).daemon((Boolean) form.get(DAEMON));
    }

    @SuppressWarnings("unchecked")
    private static ChildProcess make(Object target, List<?> arguments) {
        return switch (target) {
            case CheckedRunnable r when arguments.isEmpty() -> new ChildProcess(r);
            case CheckedConsumer<?> c when arguments.size() == 1 -> new ChildProcess((CheckedConsumer<Object>) c, arguments.get(0));
            case CheckedBiConsumer<?, ?> b when arguments.size() == 2 ->
                    new ChildProcess((CheckedBiConsumer<Object, Object>) b, arguments.get(0), arguments.get(1));
            case CheckedConsumer3<?, ?, ?> m when arguments.size() == 3 ->
                    new ChildProcess((CheckedConsumer3<Object, Object, Object>) m, arguments.get(0), arguments.get(1), arguments.get(2));
            case CheckedConsumer4<?, ?, ?, ?> m when arguments.size() == 4 ->
                    new ChildProcess((CheckedConsumer4<Object, Object, Object, Object>) m, arguments.get(0), arguments.get(1), arguments.get(2), arguments.get(3));
            case CheckedConsumer5<?, ?, ?, ?, ?> m when arguments.size() == 5 ->
                    new ChildProcess((CheckedConsumer5<Object, Object, Object, Object, Object>) m, arguments.get(0), arguments.get(1), arguments.get(2), arguments.get(3), arguments.get(4));
            case CheckedConsumer6<?, ?, ?, ?, ?, ?> m when arguments.size() == 6 ->
                    new ChildProcess((CheckedConsumer6<Object, Object, Object, Object, Object, Object>) m, arguments.get(0), arguments.get(1), arguments.get(2), arguments.get(3), arguments.get(4), arguments.get(5));
            default -> throw new IllegalArgumentException("not a process form: " + target + " with " + arguments.size() + " argument(s)");
        };
    }
}
