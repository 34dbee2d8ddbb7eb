package dev.spindle.internal.launch;

import dev.spindle.multiprocessing.StartMethod;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a child JVM is to run and how it starts: made by whoever starts one (a
 * {@code ChildProcess}, a pool's worker), consumed by the launchers and by {@link ChildMain} in
 * the child, which receives the first four components (in their compact {@link ProcessForm} when
 * they are plain values, else as this record through Java serialization).
 *
 * @param name        the process's name, which the child knows itself by
 * @param daemon      whether the child is a daemon (may start no children, dies with its parent)
 * @param target      what the child runs: a {@code CheckedRunnable}, {@code CheckedConsumer},
 *                    {@code CheckedBiConsumer} or {@code MultiArgument} for the arguments
 * @param arguments   the target's arguments
 * @param jvmOptions  options for the child JVM
 * @param startMethod how the child starts
 */
@SuppressWarnings("serial") // the components are serializable when the target and arguments are, which encoding checks
public record ProcessSpec(String name, boolean daemon, Serializable target, List<Object> arguments,
                          List<String> jvmOptions, StartMethod startMethod) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        arguments = Targets.copyOf(arguments);
        jvmOptions = List.copyOf(jvmOptions);
    }
}
