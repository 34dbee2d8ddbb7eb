package dev.spindle.function;

import java.io.Serializable;

/**
 * A {@link Runnable} that can be sent to another process. Spindle's {@code submit} and
 * {@code execute} take it beside {@code Runnable}, and Java picks it for a lambda written at the
 * call, so {@code executor.execute(() -> work())} is serializable with no cast, provided what it
 * captures is.
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {}
