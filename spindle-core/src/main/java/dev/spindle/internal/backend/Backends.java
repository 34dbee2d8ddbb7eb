package dev.spindle.internal.backend;

import dev.spindle.internal.cluster.ClusterSettings;
import dev.spindle.internal.launch.ChildContext;
import dev.spindle.internal.launch.ProcessSpec;
import dev.spindle.multiprocessing.StartMethod;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backend of each kind of context, and the default context's start method. Public classes
 * reach their backend here from a start method (processes) or none (threads); nothing here uses a
 * public class with behaviour.
 */
public final class Backends {
    private static final Map<StartMethod, Backend> PROCESSES = new EnumMap<>(StartMethod.class);
    private static final Backend THREADS = new ThreadsBackend(false);
    private static final Backend VIRTUAL_THREADS = new ThreadsBackend(true);
    private static final AtomicInteger POOL_NAMES = new AtomicInteger();

    static {
        for (StartMethod method : StartMethod.values()) {
            PROCESSES.put(method, new ProcessesBackend(method));
        }
    }

    /** The start method of the default context as set in this JVM; null until {@link dev.spindle.Spindle#setStartMethod}. */
    private static volatile StartMethod defaultStartMethod;

    private Backends() {}

    /**
     * The backend of a process context whose workers start by {@code method}; with no method
     * (null), of a threads context: of virtual threads if {@code virtual}, else platform threads.
     */
    public static Backend of(StartMethod method, boolean virtual) {
        if (method != null) {
            return PROCESSES.get(method);
        }
        return virtual ? VIRTUAL_THREADS : THREADS;
    }

    /**
     * Registers how a context's backend is found, from {@code dev.spindle.Context}'s static
     * initializer: public builders of other packages reach their context's backend this way
     * without it being published (the JDK's {@code SharedSecrets} idiom).
     */
    public static void contexts(Function<Object, Backend> access) {
        contexts = Objects.requireNonNull(access, "access");
    }

    /** The backend of {@code context}, a {@code dev.spindle.Context}. */
    public static Backend ofContext(Object context) {
        return contexts.apply(context);
    }

    private static volatile Function<Object, Backend> contexts;

    /** The backend of the cluster {@code settings} describe: one per settings, so its pools share a connection. */
    public static Backend cluster(ClusterSettings settings) {
        return CLUSTERS.computeIfAbsent(settings, ClusterBackend::new);
    }

    private static final Map<ClusterSettings, Backend> CLUSTERS = new ConcurrentHashMap<>();

    /** A pool's name: the one chosen, or the next {@code Pool-N}. */
    public static String poolName(String chosen) {
        return chosen != null ? chosen : "Pool-" + POOL_NAMES.incrementAndGet();
    }

    /**
     * The start method of processes that neither a context nor the process itself chose: the one
     * set in this JVM; else, in a child, the method it was started by (as Python's child takes
     * its parent's), so its own children and pools start as it did; else SPAWN.
     */
    public static StartMethod defaultStartMethod() {
        StartMethod set = defaultStartMethod;
        if (set != null) {
            return set;
        }
        ProcessSpec child = ChildContext.current();
        return child != null && child.startMethod() != null ? child.startMethod() : StartMethod.SPAWN;
    }

    /** Sets {@link #defaultStartMethod()}. */
    public static void defaultStartMethod(StartMethod method) {
        defaultStartMethod = Objects.requireNonNull(method, "method");
    }
}
