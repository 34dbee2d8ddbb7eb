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
 *
 * <p>The iterators of {@link Pool#imap} and {@link Pool#imapUnordered} read their input lazily, a
 * bounded window ahead of the consumer: an exception thrown by the input comes out of
 * {@link #next()} after the results of the items before it, then the iteration ends.
 * {@link #close()} (try-with-resources) stops a map whose results are no longer wanted.
 */
public interface ResultIterator<R> extends Iterator<R>, Iterable<R>, AutoCloseable {
    /**
     * The next result, waiting at most {@code timeout}.
     *
     * @throws TimeoutException if it is not ready in time (the iterator stays where it is)
     * @throws java.util.NoSuchElementException if there are no more results
     */
    R next(Duration timeout) throws TimeoutException, InterruptedException;

    /**
     * Stops the map: no more of its input is read, its tasks not yet started are dropped (running
     * ones finish, their results unread), and the iteration ends: {@link #hasNext()} is false and
     * {@link #next()} throws {@link java.util.NoSuchElementException}. Closing twice does nothing
     * more. May be called from any thread; a consumer waiting for a dropped task's result gets a
     * {@link java.util.concurrent.CancellationException}.
     */
    @Override
    void close();

    @Override
    default Iterator<R> iterator() {
        return this;
    }

    /** The remaining results as a sequential stream. */
    default Stream<R> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false);
    }
}
