package dev.spindle.internal.backend;

import dev.spindle.Context;
import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.TaskEngine;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.StartMethod;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backend of each {@link Context}, and the default context's start method. Public classes
 * reach their backend here, from the context's public kind and start method; nothing here reads
 * a public class's private state.
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

    /** The start method of the default context; only {@link dev.spindle.Spindle#setStartMethod} changes it. */
    private static volatile StartMethod defaultStartMethod = StartMethod.SPAWN;

    private Backends() {}

    /** The backend behind {@code context}. */
    public static Backend of(Context context) {
        return switch (context.kind()) {
            case PROCESSES -> PROCESSES.get(context.startMethod().orElseThrow());
            case THREADS -> THREADS;
            case VIRTUAL_THREADS -> VIRTUAL_THREADS;
        };
    }

    /** The engine a pool or executor built from {@code settings} runs on. */
    public static TaskEngine engine(Pool.Settings settings, boolean callbacksInWorker) {
        Context context = settings.context();
        PoolConfig config = new PoolConfig(settings.workers(), settings.initializer(), settings.maxTasksPerChild(),
                settings.taskTimeout(), settings.retries(), context.startMethod().orElse(null), settings.jvmOptions(),
                settings.readLimits());
        String poolName = settings.name() != null ? settings.name() : "Pool-" + POOL_NAMES.incrementAndGet();
        return of(context).engine(poolName, config, callbacksInWorker);
    }

    /** The start method of processes that neither a context nor the process itself chose. */
    public static StartMethod defaultStartMethod() {
        return defaultStartMethod;
    }

    /** Sets {@link #defaultStartMethod()}. */
    public static void defaultStartMethod(StartMethod method) {
        defaultStartMethod = Objects.requireNonNull(method, "method");
    }
}
