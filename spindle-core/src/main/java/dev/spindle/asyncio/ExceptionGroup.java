package dev.spindle.asyncio;

import java.util.List;

/**
 * Python's {@code ExceptionGroup}: every failure of a {@link TaskGroup}'s tasks, in the order they
 * failed. Each one is also attached as a suppressed exception, so a stack trace shows them all.
 */
public final class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Throwable> exceptions;

    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an exception group needs at least one exception");
        }
        this.exceptions = List.copyOf(exceptions);
        for (Throwable e : this.exceptions) {
            addSuppressed(e);
        }
    }

    /** The failures, in the order they happened. */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
