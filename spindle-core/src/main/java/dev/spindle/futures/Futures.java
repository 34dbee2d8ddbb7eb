package dev.spindle.futures;

import dev.spindle.internal.pool.Outcomes;
import dev.spindle.internal.waits.Waits;
import dev.spindle.multiprocessing.AsyncResult;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python's module functions of {@code concurrent.futures}: {@link #wait} and {@link #asCompleted},
 * over any futures — an executor's {@link CompletableFuture}s, a pool's {@link AsyncResult}s,
 * plain {@code CompletableFuture}s and other {@link Future}s, mixed. Completion stages are
 * watched without a thread; any other {@code Future} is watched by a virtual thread blocked in
 * its {@code get}, which ends when it does.
 */
public final class Futures {
    private Futures() {}

    /** Waits until every future has finished (Python's {@code wait(fs)}). */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Collection<? extends F> futures) throws InterruptedException {
        return wait(futures, null, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * Waits until {@code returnWhen} holds or {@code timeout} (null: none) passes, and returns
     * which futures were done then (Python's {@code wait(fs, timeout, return_when)}). It returns
     * at once when the condition already holds. A future given twice counts once.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static <F extends Future<?>> DoneAndNotDone<F> wait(Collection<? extends F> futures, Duration timeout,
                                                               ReturnWhen returnWhen) throws InterruptedException {
        Set<F> all = new LinkedHashSet<>(futures);
        long deadline = deadlineAfter(timeout);
        CountDownLatch enough = new CountDownLatch(1);
        for (F future : all) {
            whenDone(future, () -> {
                if (holds(all, returnWhen)) {
                    enough.countDown();
                }
            });
        }
        if (!holds(all, returnWhen)) {
            enough.await(Waits.left(deadline), TimeUnit.NANOSECONDS);
        }
        Set<F> done = new LinkedHashSet<>();
        Set<F> notDone = new LinkedHashSet<>();
        for (F future : all) {
            (future.isDone() ? done : notDone).add(future);
        }
        return new DoneAndNotDone<>(done, notDone);
    }

    /** The futures in the order they finish, waiting as long as it takes (Python's {@code as_completed(fs)}). */
    public static <F extends Future<?>> Iterable<F> asCompleted(Collection<? extends F> futures) {
        return asCompleted(futures, null);
    }

    /**
     * The futures in the order they finish (those already done first), each once (Python's
     * {@code as_completed(fs, timeout)}). If {@code timeout} (null: none), counted from this call,
     * passes while some have not finished, the iterator's {@code next} throws a
     * {@link TimeoutException} (Python's {@code TimeoutError}; undeclared, as an iterator's
     * methods declare none), and an interrupt of the waiting thread ends its wait the same way
     * with an {@link InterruptedException}, the thread's interrupt status set. Single use.
     */
    public static <F extends Future<?>> Iterable<F> asCompleted(Collection<? extends F> futures, Duration timeout) {
        Set<F> all = new LinkedHashSet<>(futures);
        long deadline = deadlineAfter(timeout);
        LinkedBlockingQueue<F> finished = new LinkedBlockingQueue<>();
        for (F future : all) {
            whenDone(future, () -> finished.add(future));
        }
        Iterator<F> iterator = new Iterator<>() {
            private int left = all.size();

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public F next() {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                F next;
                try {
                    next = finished.poll(Waits.left(deadline), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw Outcomes.rethrow(e);
                }
                if (next == null) {
                    throw Outcomes.rethrow(new TimeoutException(left + " (of " + all.size() + ") futures unfinished"));
                }
                left--;
                return next;
            }
        };
        return () -> iterator;
    }

    private static boolean holds(Set<? extends Future<?>> futures, ReturnWhen returnWhen) {
        return switch (returnWhen) {
            case FIRST_COMPLETED -> futures.isEmpty() || futures.stream().anyMatch(Future::isDone);
            case FIRST_EXCEPTION -> futures.stream().anyMatch(f -> f.isDone() && f.state() == Future.State.FAILED)
                    || futures.stream().allMatch(Future::isDone);
            case ALL_COMPLETED -> futures.stream().allMatch(Future::isDone);
        };
    }

    /** Runs {@code action} once {@code future} is done (at once if it is), in whatever thread completes it. */
    private static void whenDone(Future<?> future, Runnable action) {
        CompletionStage<?> stage = future instanceof CompletionStage<?> s ? s
                : future instanceof AsyncResult<?> r ? r.toCompletableFuture() : null;
        if (stage != null) {
            stage.whenComplete((value, failure) -> action.run());
        } else if (future.isDone()) {
            action.run();
        } else {
            Thread.ofVirtual().name("spindle-future-watch").start(() -> {
                try {
                    future.get();
                } catch (ExecutionException | CancellationException | InterruptedException done) {
                    // done either way
                }
                action.run();
            });
        }
    }

    private static long deadlineAfter(Duration timeout) {
        return timeout == null ? Waits.NO_DEADLINE : Waits.deadlineAfter(Math.max(0, Waits.nanos(timeout)));
    }
}
