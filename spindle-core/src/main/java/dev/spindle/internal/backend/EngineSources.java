package dev.spindle.internal.backend;

import dev.spindle.internal.pool.TaskEngine;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a public class of one package makes the task engine that a public builder of another
 * describes (the executors of {@code dev.spindle.futures} from a {@code Pool.Builder}) without
 * the builder publishing its settings or an internal type: the builder's class registers, once,
 * how it makes an engine — the JDK's {@code SharedSecrets} idiom. Internal code names no public
 * class here.
 */
public final class EngineSources {
    /** How a builder of type {@code B} makes an engine. */
    @FunctionalInterface
    public interface Source<B> {
        /** The engine {@code builder} describes; see {@link TaskEngine#threads} for {@code callbacksInWorker}. */
        TaskEngine engine(B builder, boolean callbacksInWorker);
    }

    private static final Map<Class<?>, Source<?>> SOURCES = new ConcurrentHashMap<>();

    private EngineSources() {}

    /** Registers how builders of exactly {@code type} make engines; from {@code type}'s static initializer. */
    public static <B> void register(Class<B> type, Source<B> source) {
        SOURCES.put(type, Objects.requireNonNull(source, "source"));
    }

    /**
     * The engine {@code builder} describes.
     *
     * @throws IllegalStateException if its class registered no source
     */
    @SuppressWarnings("unchecked") // registered under the builder's own class
    public static <B> TaskEngine engine(B builder, boolean callbacksInWorker) {
        Source<B> source = (Source<B>) SOURCES.get(builder.getClass());
        if (source == null) {
            throw new IllegalStateException(builder.getClass().getName() + " makes no task engine");
        }
        return source.engine(builder, callbacksInWorker);
    }
}
