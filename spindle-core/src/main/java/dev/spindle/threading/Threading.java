package dev.spindle.threading;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The module functions of Python's {@code threading} that Java does not have under one name.
 * {@code current_thread()} is {@link Thread#currentThread()}, {@code get_ident()} is
 * {@code Thread.currentThread().threadId()}; the rest is here.
 *
 * <p><b>What counts as the program's threads</b> ({@link #enumerate()}, {@link #activeCount()}):
 * the live platform threads of the JVM's {@code main} thread group and its subgroups — the main
 * thread and every thread started from it or from another such thread, daemons included, as
 * Python counts them — and platform threads started from virtual threads. Not counted: the
 * JVM's own threads (the {@code system} group: reference handler, finalizer, signal dispatcher),
 * the JDK's innocuous threads (the cleaner, the common fork-join pool), virtual threads' carrier
 * threads, Spindle's own background threads, and virtual threads (the JDK lists none; Python has
 * none).
 */
public final class Threading {
    /** The child groups of the top ({@code system}) group whose threads are the program's. */
    private static final Set<String> PROGRAM_GROUPS = Set.of("main", "VirtualThreads");
    private static volatile Thread main = findMain();

    private Threading() {}

    /**
     * The JVM's main thread (Python's {@code main_thread()}): the thread that ran {@code main},
     * even after it ended — as long as it was alive when this class was first used or is now.
     *
     * @throws IllegalStateException if it had ended before this class was first used
     */
    public static Thread mainThread() {
        Thread found = main;
        if (found == null) {
            found = findMain();
            if (found == null) {
                throw new IllegalStateException("the main thread had ended before Threading was first used");
            }
            main = found;
        }
        return found;
    }

    /** The first thread of the {@code main} group: the JVM starts it before any other there. */
    private static Thread findMain() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> isMainGroup(thread.getThreadGroup()))
                .min(Comparator.comparingLong(Thread::threadId))
                .orElse(null);
    }

    private static boolean isMainGroup(ThreadGroup group) {
        return group != null && group.getParent() != null && group.getParent().getParent() == null
                && group.getName().equals("main");
    }

    /**
     * The program's live threads (Python's {@code threading.enumerate()}), the main thread first
     * and then in the order they were made; see the class comment for which threads count.
     */
    public static List<Thread> enumerate() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && isProgramThread(thread))
                .sorted(Comparator.comparingLong(Thread::threadId))
                .toList();
    }

    /** How many threads {@link #enumerate()} lists (Python's {@code active_count()}). */
    public static int activeCount() {
        return enumerate().size();
    }

    private static boolean isProgramThread(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        if (group == null) {
            return false; // it ended while we looked
        }
        while (group.getParent() != null && group.getParent().getParent() != null) {
            group = group.getParent();
        }
        return group.getParent() != null && PROGRAM_GROUPS.contains(group.getName());
    }

    /**
     * Sets what handles an exception that ends a thread (Python's
     * {@code threading.excepthook = hook}): {@link Thread#setDefaultUncaughtExceptionHandler}, for
     * every thread that has no handler of its own. Python's hook receives {@code (exc_type,
     * exc_value, exc_traceback, thread)}; Java's receives the thread and the exception, which
     * carries its type and stack trace. Null restores the JDK's default (Python's
     * {@code threading.__excepthook__}).
     *
     * @return the hook it replaces, null if none was set (the JDK's default then prints
     *         {@code Exception in thread "name"} and the stack trace to stderr, as Python's does)
     */
    public static Thread.UncaughtExceptionHandler excepthook(Thread.UncaughtExceptionHandler hook) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(hook);
        return previous;
    }

    /** The hook set by {@link #excepthook(Thread.UncaughtExceptionHandler)}; null if none (the JDK's default). */
    public static Thread.UncaughtExceptionHandler excepthook() {
        return Thread.getDefaultUncaughtExceptionHandler();
    }
}
