package dev.spindle.function;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} that can be sent to another process: a lambda or method reference of this
 * type is serializable with no JVM flag, provided what it captures is.
 */
@FunctionalInterface
public interface CheckedCallable<R> extends Callable<R>, Serializable {}
