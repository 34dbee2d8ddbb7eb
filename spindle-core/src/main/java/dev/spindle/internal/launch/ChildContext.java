package dev.spindle.internal.launch;

import dev.spindle.multiprocessing.ChildProcess;

/** Which {@link ChildProcess} this JVM is running, if it is a Spindle child. */
public final class ChildContext {
    private static volatile ChildProcess current;

    private ChildContext() {}

    static void enter(ChildProcess process) {
        current = process;
    }

    /** The process object this child JVM runs, or null in a JVM that is not a Spindle child. */
    public static ChildProcess current() {
        return current;
    }
}
