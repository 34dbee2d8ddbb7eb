package dev.spindle.internal.insights;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many dashboards are open in this JVM: while one is, pools made record insights unless their
 * builder said otherwise, so what the dashboard shows has workers' times, slow tasks and tracebacks.
 */
public final class Watchers {
    private static final AtomicInteger OPEN = new AtomicInteger();

    private Watchers() {}

    public static void opened() {
        OPEN.incrementAndGet();
    }

    public static void closed() {
        OPEN.decrementAndGet();
    }

    /**
     * Whether a pool whose builder did not say records insights: yes while a dashboard is open,
     * or when the system property {@code spindle.insights} is {@code true}.
     */
    public static boolean recordByDefault() {
        return OPEN.get() > 0 || Boolean.getBoolean("spindle.insights");
    }
}
