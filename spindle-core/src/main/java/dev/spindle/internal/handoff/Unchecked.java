package dev.spindle.internal.handoff;

import java.lang.reflect.UndeclaredThrowableException;

/** How a body's failure reaches a caller whose method declares no checked exception. */
public final class Unchecked {
    private Unchecked() {}

    /**
     * {@code t} itself when it is unchecked (an {@link Error} is thrown from here), else {@code t} in
     * an {@link UndeclaredThrowableException}, the JDK's name for a checked exception a method does
     * not declare.
     */
    public static RuntimeException of(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new UndeclaredThrowableException(t, t.toString());
    }
}
