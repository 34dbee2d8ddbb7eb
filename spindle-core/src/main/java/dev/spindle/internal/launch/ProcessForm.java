package dev.spindle.internal.launch;

import dev.spindle.internal.codec.Codec;
import dev.spindle.multiprocessing.StartMethod;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact form in which a {@link ProcessSpec} travels to its child when its target and
 * arguments are plain: the list {@code [name, daemon, target, arguments, start method name]} in the codec's plain
 * encoding, which a fresh child decodes without setting up Java's object streams (tens of
 * milliseconds).
 */
public final class ProcessForm {
    private static final int NAME = 0;
    private static final int DAEMON = 1;
    private static final int TARGET = 2;
    private static final int ARGUMENTS = 3;
    private static final int START_METHOD = 4;

    private ProcessForm() {}

    /**
     * The compact form of {@code spec}, if the codec carries its target and arguments plainly (a
     * lambda capturing plain values, plain arguments); else null, and the spec must travel as
     * itself.
     */
    static byte[] encodePlainly(ProcessSpec spec) {
        return Codec.get().encodePlainly(new ArrayList<>(Arrays.asList(spec.name(), spec.daemon(), spec.target(),
                new ArrayList<>(spec.arguments()), spec.startMethod() == null ? null : spec.startMethod().name())));
    }

    /** The spec a decoded target stands for: a spec sent as itself, or a compact form. */
    static ProcessSpec specFrom(Object decoded) {
        if (decoded instanceof ProcessSpec spec) {
            return spec;
        }
        List<?> form = (List<?>) decoded;
        String method = (String) form.get(START_METHOD);
        return new ProcessSpec((String) form.get(NAME), (Boolean) form.get(DAEMON), (Serializable) form.get(TARGET),
                Targets.copyOf((List<?>) form.get(ARGUMENTS)), List.of(), method == null ? null : StartMethod.valueOf(method));
    }
}
