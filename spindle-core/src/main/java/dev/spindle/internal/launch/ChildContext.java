package dev.spindle.internal.launch;

/**
 * Which process this JVM runs, if it is a Spindle child: the spec it was started with, and the
 * process object whose {@code run()} it runs when that object travelled itself (a subclass of
 * {@code ChildProcess}).
 */
public final class ChildContext {
    private static volatile ProcessSpec current;
    private static volatile Object self;

    private ChildContext() {}

    static void enter(ProcessSpec spec) {
        current = spec;
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
