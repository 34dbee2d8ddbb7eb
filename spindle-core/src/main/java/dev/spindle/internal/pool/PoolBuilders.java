package dev.spindle.internal.pool;

import dev.spindle.multiprocessing.Pool;

/**
 * Lets the executors of {@code dev.spindle.futures} build their engine from a {@link Pool.Builder}
 * without the builder exposing internal types in its public API (the JDK's SharedSecrets idea).
 */
public final class PoolBuilders {
    /** What {@link Pool.Builder} registers. */
    @FunctionalInterface
    public interface Access {
        /** The engine the builder describes; see {@link TaskEngine#threads} for {@code callbacksInWorker}. */
        TaskEngine engine(Pool.Builder builder, boolean callbacksInWorker);
    }

    private static volatile Access access;

    private PoolBuilders() {}

    /** Called once, by {@link Pool.Builder}'s class initializer. */
    public static void register(Access builderAccess) {
        access = builderAccess;
    }

    /** Builds the engine of {@code builder}; its class is initialized (and registered) since it exists. */
    public static TaskEngine engine(Pool.Builder builder, boolean callbacksInWorker) {
        return access.engine(builder, callbacksInWorker);
    }
}
