package dev.spindle.internal.track;

/**
 * Spindle's own threads that live as long as the JVM (the launcher, the cleaner of dropped
 * primitives, the training run's watcher): daemon threads in the top thread group, not in the
 * group of whichever user thread happened to need them first. A runner that waits for the
 * threads of the group it ran {@code main} in ({@code mvn exec:java} does, for 15 s, and then
 * warns) would otherwise wait for threads that never end.
 */
public final class BackgroundThreads {
    private static final ThreadGroup TOP = top();
    /** The one cleaner of what this process drops without closing (primitives, pipe ends). */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create(named("spindle-cleaner").factory());

    private BackgroundThreads() {}

    /** A builder of daemon threads named {@code name} in the top thread group. */
    public static Thread.Builder.OfPlatform named(String name) {
        return Thread.ofPlatform().daemon().group(TOP).name(name);
    }

    /** Runs {@code action} once {@code object} is unreachable, unless its {@code Cleanable} runs it first. */
    public static java.lang.ref.Cleaner.Cleanable whenUnreachable(Object object, Runnable action) {
        return CLEANER.register(object, action);
    }

    private static ThreadGroup top() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
