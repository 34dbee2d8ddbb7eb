package dev.spindle.internal.launch;

import dev.spindle.internal.track.ProcessIdentity;

/**
 * Which process this JVM runs, if it is a Spindle child: the spec it was started with, and the
 * process object whose {@code run()} it runs when that object travelled itself (a subclass of
 * {@code ChildProcess}).
 */
public final class ChildContext {
    private static volatile ProcessSpec current;
    private static volatile Object self;
    private static volatile String parentName;
    private static volatile ProcessIdentity parent;

    private ChildContext() {}

    static void enter(ProcessSpec spec) {
        current = spec;
    }

    /** Records the process that started this child JVM, {@code name} as it knows itself. */
    static void startedBy(String name, ProcessIdentity identity) {
        parentName = name;
        parent = identity;
    }

    /** The name of the process that started this child JVM, or null in a JVM that is not a Spindle child. */
    public static String parentName() {
        return parentName;
    }

    /** The process that started this child JVM, or null in a JVM that is not a Spindle child. */
    public static ProcessIdentity parent() {
        return parent;
    }

    /** This process's name: its spec's, or "MainProcess" in a JVM that is not a Spindle child (Python's). */
    public static String currentName() {
        ProcessSpec spec = current;
        return spec == null ? "MainProcess" : spec.name();
    }

    /** The spec this child JVM runs, or null in a JVM that is not a Spindle child. */
    public static ProcessSpec current() {
        return current;
    }

    /** Records {@code process} as the object this child runs, before its {@code run()} is called. */
    public static void claim(Object process) {
        self = process;
    }

    /** Whether {@code process} is the object this child JVM runs. */
    public static boolean isCurrent(Object process) {
        return process != null && process == self;
    }
}
