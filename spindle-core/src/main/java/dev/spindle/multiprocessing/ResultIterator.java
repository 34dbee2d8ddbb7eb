package dev.spindle.multiprocessing;

import java.time.Duration;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The results of {@link Pool#imap} and friends, as they become ready (Python's
 * {@code IMapIterator}). {@link #next()} blocks until the next result is ready. If that task
 * failed, it throws the failure as it is, as Python re-raises it (the task's own exception,
 * checked or not, a {@link dev.spindle.WorkerDiedException}, the {@link TimeoutException} of a
 * task that overran its timeout, …), and the iteration goes on with the next task; a failed chunk
 * yields that one exception for all its items. Single use: {@link #iterator()} returns this.
 */
public interface ResultIterator<R> extends Iterator<R>, Iterable<R> {
    /**
     * The next result, waiting at most {@code timeout}.
     *
     * @throws TimeoutException if it is not ready in time (the iterator stays where it is)
     * @throws java.util.NoSuchElementException if there are no more results
     */
    R next(Duration timeout) throws TimeoutException, InterruptedException;

    @Override
    default Iterator<R> iterator() {
        return this;
    }

    /** The remaining results as a sequential stream. */
    default Stream<R> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false);
    }
}
