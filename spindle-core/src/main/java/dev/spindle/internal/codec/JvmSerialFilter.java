package dev.spindle.internal.codec;

import java.io.ObjectInputFilter;
import java.security.Security;

/**
 * The JVM-wide serial filter ({@code jdk.serialFilter}, or one set in code with
 * {@link ObjectInputFilter.Config#setSerialFilter}), which every read obeys besides its own
 * limits. Asking {@code ObjectInputFilter.Config} for it initializes {@code Config}, which looks
 * up the {@code System.Logger} backend: a scan of every jar on the class path (some 25 ms for 40
 * jars), paid by a fresh child before its target can run. Until a child's user code runs, no code
 * can have set a filter, so in that window (see {@link #beforeUserCode}) the filter is the one the
 * properties configure, and {@code Config} is only asked when they configure one.
 */
public final class JvmSerialFilter {
    private static final String PROPERTY = "jdk.serialFilter";
    private static volatile boolean beforeUserCode;

    private JvmSerialFilter() {}

    /** Called by a child JVM before anything but Spindle has run in it. */
    public static void beforeUserCode() {
        beforeUserCode = true;
    }

    /** Called before the first user code runs (a target's class may set a filter as it loads). */
    public static void userCodeStarts() {
        beforeUserCode = false;
    }

    /** The JVM-wide filter, or null if there is none. */
    static ObjectInputFilter get() {
        if (beforeUserCode && System.getProperty(PROPERTY) == null && Security.getProperty(PROPERTY) == null) {
            return null; // what Config would answer: nothing configures a filter, and no code set one yet
        }
        return ObjectInputFilter.Config.getSerialFilter();
    }
}
