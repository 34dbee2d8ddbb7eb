package dev.spindle.internal.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How a blocking call hands over a task's failure: as the task's own exception, not a wrapper
 * (Python re-raises it; the JDK's {@code ForkJoinTask.join} does the same). A checked exception
 * is thrown as it is too, though the blocking call does not declare it.
 */
public final class Outcomes {
    private Outcomes() {}

    /** The value of {@code future}, waiting for it; its failure is thrown as it is. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw rethrow(unwrap(e));
        }
    }

    /** A failure seen through a dependent stage arrives wrapped; the task's own is inside. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
    }

    /**
     * Throws {@code failure} as it is, checked or not; declared to return an exception so that
     * callers write {@code throw rethrow(e)} and the compiler sees the path end.
     */
    public static RuntimeException rethrow(Throwable failure) {
        throw Outcomes.<RuntimeException>sneaky(failure);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable failure) throws E {
        throw (E) failure;
    }
}
