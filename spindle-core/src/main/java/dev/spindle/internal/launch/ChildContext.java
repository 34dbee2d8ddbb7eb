package dev.spindle.internal.launch;

import dev.spindle.internal.codec.Codec;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.List;

/** Which {@link ChildProcess} this JVM is running, if it is a Spindle child, and how processes travel. */
public final class ChildContext {
    private static volatile ChildProcess current;
    private static volatile Forms forms;

    /**
     * The compact form in which a plain process can be sent to its child, and back to a process
     * there: known only to {@link ChildProcess}, which registers it when its class is initialized.
     */
    public interface Forms {
        /** A list of plain values standing for {@code process}, or null for a subclass. */
        List<Object> wireForm(ChildProcess process);

        /** The process that a list made by {@link #wireForm} stands for. */
        ChildProcess fromWireForm(List<?> form);
    }

    private ChildContext() {}

    /** Called once, by ChildProcess's class initializer. */
    public static void useForms(Forms processForms) {
        forms = processForms;
    }

    /**
     * {@code process} encoded in its compact form, if the codec carries that without Java
     * serialization (a child then decodes it without setting up the object streams, tens of
     * milliseconds); else null, and the process must be sent as itself.
     */
    public static byte[] encodePlainly(ChildProcess process) {
        List<Object> form = forms().wireForm(process);
        return form == null ? null : Codec.get().encodePlainly(form);
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
