package dev.spindle.internal.launch;

import dev.spindle.multiprocessing.ChildProcess;
import java.util.List;

/** Which {@link ChildProcess} this JVM is running, if it is a Spindle child, and how processes travel. */
public final class ChildContext {
    private static volatile ChildProcess current;
    private static volatile Forms forms;

    /**
     * The form in which a process is sent to its child, and back to a process there: known only
     * to {@link ChildProcess}, which registers it when its class is initialized.
     */
    public interface Forms {
        /** What to encode for {@code process}: the process itself, or a list standing for it. */
        Object wireForm(ChildProcess process);

        /** The process that a list made by {@link #wireForm} stands for. */
        ChildProcess fromWireForm(List<?> form);
    }

    private ChildContext() {}

    /** Called once, by ChildProcess's class initializer. */
    public static void useForms(Forms processForms) {
        forms = processForms;
    }

    /** What to encode to send {@code process} to its child. */
    public static Object wireForm(ChildProcess process) {
        return forms().wireForm(process);
    }

    /** The process a decoded target stands for. */
    static ChildProcess processFrom(Object decoded) {
        return decoded instanceof ChildProcess process ? process : forms().fromWireForm((List<?>) decoded);
    }

    private static Forms forms() {
        Forms known = forms;
        if (known == null) {
            try {
                Class.forName(ChildProcess.class.getName(), true, ChildProcess.class.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
            known = forms;
        }
        return known;
    }

    static void enter(ChildProcess process) {
        current = process;
    }

    /** The process object this child JVM runs, or null in a JVM that is not a Spindle child. */
    public static ChildProcess current() {
        return current;
    }
}
