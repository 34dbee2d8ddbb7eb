package dev.spindle.futures;

import dev.spindle.Context;
import dev.spindle.function.CheckedBiFunction;
import dev.spindle.function.CheckedCallable;
import dev.spindle.function.CheckedFunction3;
import dev.spindle.function.CheckedFunction4;
import dev.spindle.function.CheckedFunction5;
import dev.spindle.function.CheckedFunction6;
import dev.spindle.function.CheckedFunction;
import dev.spindle.function.SerializableRunnable;
import dev.spindle.insights.PoolInsights;
import dev.spindle.internal.backend.EngineSources;
import dev.spindle.internal.pool.MapJob;
import dev.spindle.internal.pool.MapStream;
import dev.spindle.internal.pool.Outcomes;
import dev.spindle.internal.pool.Task;
import dev.spindle.internal.pool.TaskEngine;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.TaskOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The executor of Python's {@code concurrent.futures}, as a {@link ExecutorService}: see
 * {@link ProcessPoolExecutor} and {@link ThreadPoolExecutor}. {@code submit} returns a
 * {@link CompletableFuture}, so {@code whenComplete} is Python's {@code add_done_callback};
 * {@code cancel(true)} stops a running task (a worker process is killed and replaced).
 */
public abstract class PoolExecutor implements ExecutorService {
    private final TaskEngine engine;

    PoolExecutor(Pool.Builder builder, boolean callbacksInWorker) {
        this.engine = EngineSources.engine(builder, callbacksInWorker);
    }

    /** {@code builder}, if its workers are processes exactly when {@code processes}; the executor's class says which. */
    static Pool.Builder requireKind(Pool.Builder builder, boolean processes) {
        Context.Kind kind = builder.context().kind();
        if ((kind == Context.Kind.PROCESSES || kind == Context.Kind.CLUSTER) != processes) {
            throw new IllegalArgumentException("a " + (processes ? "ProcessPoolExecutor" : "ThreadPoolExecutor")
                    + " cannot run on " + builder.context() + "; use " + (processes ? "a process context" : "Context.threads()")
                    + " or Context.executor");
        }
        return builder;
    }

    /** Submits {@code fn()}. */
    public <R> CompletableFuture<R> submit(CheckedCallable<R> fn) {
        return submit(fn, new ArrayList<>(), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(argument)} (Python's {@code submit(fn, arg)}). */
    public <A, R> CompletableFuture<R> submit(CheckedFunction<A, R> fn, A argument) {
        return submit(fn, argument, TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(argument)} with a timeout or retries (see {@link TaskOptions}). */
    public <A, R> CompletableFuture<R> submit(CheckedFunction<A, R> fn, A argument, TaskOptions options) {
        List<Object> arguments = new ArrayList<>(1);
        arguments.add(argument);
        return submit(fn, arguments, options);
    }

    /** Submits {@code fn(first, second)}. */
    public <A, B, R> CompletableFuture<R> submit(CheckedBiFunction<A, B, R> fn, A first, B second) {
        List<Object> arguments = new ArrayList<>(2);
        arguments.add(first);
        arguments.add(second);
        return submit(fn, arguments, TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(first, second, third)}. */
    public <A, B, C, R> CompletableFuture<R> submit(CheckedFunction3<A, B, C, R> fn, A first, B second, C third) {
        return submit(fn, new ArrayList<>(Arrays.asList(first, second, third)), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(first, second, third, fourth)}. */
    public <A, B, C, D, R> CompletableFuture<R> submit(CheckedFunction4<A, B, C, D, R> fn, A first, B second, C third, D fourth) {
        return submit(fn, new ArrayList<>(Arrays.asList(first, second, third, fourth)), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(first, second, third, fourth, fifth)}. */
    public <A, B, C, D, E, R> CompletableFuture<R> submit(CheckedFunction5<A, B, C, D, E, R> fn, A first, B second, C third, D fourth, E fifth) {
        return submit(fn, new ArrayList<>(Arrays.asList(first, second, third, fourth, fifth)), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(first, second, third, fourth, fifth, sixth)}. */
    public <A, B, C, D, E, F, R> CompletableFuture<R> submit(CheckedFunction6<A, B, C, D, E, F, R> fn, A first, B second, C third, D fourth, E fifth, F sixth) {
        return submit(fn, new ArrayList<>(Arrays.asList(first, second, third, fourth, fifth, sixth)), TaskOptions.DEFAULT);
    }

    /**
     * Submits a {@link Callable}. A process pool needs it to be serializable; a lambda written at
     * the call is (it becomes a {@link CheckedCallable}). Otherwise this throws a
     * {@link dev.spindle.SerializationException} saying how to make it so.
     */
    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        return submit(task, new ArrayList<>(), TaskOptions.DEFAULT);
    }

    /** Submits a serializable {@link Runnable}: a lambda written at the call. The future's value is null. */
    public CompletableFuture<?> submit(SerializableRunnable task) {
        return submit((Runnable) task);
    }

    /**
     * Submits a {@link Runnable}; a process pool needs it to be serializable (a lambda written at
     * the call is: see {@link #submit(SerializableRunnable)}). The future's value is null.
     */
    @Override
    public CompletableFuture<?> submit(Runnable task) {
        return submit(task, new ArrayList<>(), TaskOptions.DEFAULT);
    }

    /** Submits a serializable {@link Runnable} whose future's value is {@code result}. */
    public <T> CompletableFuture<T> submit(SerializableRunnable task, T result) {
        return submit((Runnable) task, result);
    }

    /** Submits a {@link Runnable} whose future's value is {@code result}; for processes it must be serializable. */
    @Override
    public <T> CompletableFuture<T> submit(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        return submit((CheckedCallable<T>) () -> {
            task.run();
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> submit(Object fn, List<Object> arguments, TaskOptions options) {
        Objects.requireNonNull(fn, "fn");
        Task task = engine.submit(fn, Task.Shape.SINGLE, arguments, options.timeout(), options.retries());
        return (CompletableFuture<R>) (CompletableFuture<?>) task.future();
    }

    /** Runs a serializable {@link Runnable} (a lambda written at the call) in a worker. */
    public void execute(SerializableRunnable command) {
        submit((Runnable) command);
    }

    /** Runs {@code command} in a worker; for processes it must be serializable. */
    @Override
    public void execute(Runnable command) {
        submit(command);
    }

    /** {@code fn} over {@code items}; results in order, as they become ready (Python's {@code map}). */
    public <A, R> Stream<R> map(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return map(fn, items, null, 1);
    }

    /**
     * {@code fn} over {@code items}, {@code chunksize} items per task, every task submitted now.
     * The results stream in order; reading a failed task's result throws its failure as it is
     * (see {@link dev.spindle.multiprocessing.ResultIterator}). If {@code timeout} (null: none) passes, counted from this call,
     * before a result is ready, reading it throws a {@link TimeoutException} (Python's
     * {@code TimeoutError}; undeclared, as the stream's methods declare none), and the unfinished
     * tasks are cancelled.
     */
    public <A, R> Stream<R> map(CheckedFunction<A, R> fn, Iterable<? extends A> items, Duration timeout, int chunksize) {
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return stream(fn, list, MapJob.Items.ARGUMENTS, timeout, chunksize);
    }

    /**
     * {@code fn(first, second)} over pairs drawn from {@code firsts} and {@code seconds} in step,
     * stopping at the end of the shorter (Python's {@code map(fn, xs, ys, timeout=, chunksize=)});
     * otherwise as {@link #map(CheckedFunction, Iterable, Duration, int)}.
     */
    public <A, B, R> Stream<R> map(CheckedBiFunction<A, B, R> fn, Iterable<? extends A> firsts, Iterable<? extends B> seconds,
                                   Duration timeout, int chunksize) {
        return stream(fn, zip(firsts, seconds), MapJob.Items.ARGUMENT_LISTS, timeout, chunksize);
    }

    /** {@code fn} over 3 iterables in step, as {@link #map(CheckedBiFunction, Iterable, Iterable, Duration, int)} over two. */
    public <A, B, C, R> Stream<R> map(CheckedFunction3<A, B, C, R> fn, Iterable<? extends A> firsts, Iterable<? extends B> seconds, Iterable<? extends C> thirds,
                                   Duration timeout, int chunksize) {
        return stream(fn, zip(firsts, seconds, thirds), MapJob.Items.ARGUMENT_LISTS, timeout, chunksize);
    }

    /** {@code fn} over 4 iterables in step, as {@link #map(CheckedBiFunction, Iterable, Iterable, Duration, int)} over two. */
    public <A, B, C, D, R> Stream<R> map(CheckedFunction4<A, B, C, D, R> fn, Iterable<? extends A> firsts, Iterable<? extends B> seconds, Iterable<? extends C> thirds, Iterable<? extends D> fourths,
                                   Duration timeout, int chunksize) {
        return stream(fn, zip(firsts, seconds, thirds, fourths), MapJob.Items.ARGUMENT_LISTS, timeout, chunksize);
    }

    /** {@code fn} over 5 iterables in step, as {@link #map(CheckedBiFunction, Iterable, Iterable, Duration, int)} over two. */
    public <A, B, C, D, E, R> Stream<R> map(CheckedFunction5<A, B, C, D, E, R> fn, Iterable<? extends A> firsts, Iterable<? extends B> seconds, Iterable<? extends C> thirds, Iterable<? extends D> fourths, Iterable<? extends E> fifths,
                                   Duration timeout, int chunksize) {
        return stream(fn, zip(firsts, seconds, thirds, fourths, fifths), MapJob.Items.ARGUMENT_LISTS, timeout, chunksize);
    }

    /** {@code fn} over 6 iterables in step, as {@link #map(CheckedBiFunction, Iterable, Iterable, Duration, int)} over two. */
    public <A, B, C, D, E, F, R> Stream<R> map(CheckedFunction6<A, B, C, D, E, F, R> fn, Iterable<? extends A> firsts, Iterable<? extends B> seconds, Iterable<? extends C> thirds, Iterable<? extends D> fourths, Iterable<? extends E> fifths, Iterable<? extends F> sixths,
                                   Duration timeout, int chunksize) {
        return stream(fn, zip(firsts, seconds, thirds, fourths, fifths, sixths), MapJob.Items.ARGUMENT_LISTS, timeout, chunksize);
    }

    /** The argument lists of Python's {@code zip(*iterables)}: one element of each, in step, up to the end of the shortest. */
    private static List<Object> zip(Iterable<?>... iterables) {
        List<Iterator<?>> iterators = new ArrayList<>();
        for (Iterable<?> iterable : iterables) {
            iterators.add(iterable.iterator());
        }
        List<Object> argumentLists = new ArrayList<>();
        while (iterators.stream().allMatch(Iterator::hasNext)) {
            List<Object> arguments = new ArrayList<>(iterators.size());
            iterators.forEach(it -> arguments.add(it.next()));
            argumentLists.add(arguments);
        }
        return argumentLists;
    }

    private <R> Stream<R> stream(Object fn, List<Object> items, MapJob.Items kind, Duration timeout, int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be >= 1: " + chunksize);
        }
        // Python's executor map queues every task at the call: a window as wide as the input.
        MapStream<R> results = MapStream.open(engine, fn, kind, items, TaskOptions.DEFAULT.chunksize(chunksize),
                Math.max(1, items.size()), true);
        Long deadline = timeout == null ? null : System.nanoTime() + timeout.toNanos();
        Iterator<R> beforeDeadline = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return results.hasNext();
            }

            @Override
            public R next() {
                return nextBefore(results, deadline);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(beforeDeadline, Spliterator.ORDERED), false);
    }

    private static <R> R nextBefore(MapStream<R> results, Long deadline) {
        if (deadline == null) {
            return results.next();
        }
        try {
            return results.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (TimeoutException e) {
            results.cancelRemaining(true);
            throw Outcomes.rethrow(new TimeoutException("no result within the map's timeout"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** No new tasks; those submitted still run. */
    @Override
    public void shutdown() {
        engine.shutdown();
    }

    /**
     * Python's {@code shutdown(wait, cancel_futures)}: no new tasks; with {@code cancelFutures},
     * tasks not yet started are cancelled; with {@code wait}, returns when everything has ended.
     */
    public void shutdown(boolean wait, boolean cancelFutures) throws InterruptedException {
        engine.shutdown();
        if (cancelFutures) {
            engine.cancelQueued();
        }
        if (wait) {
            engine.awaitTermination(null);
        }
    }

    /**
     * Stops now: every unfinished task fails with a CancellationException and worker processes
     * are killed. Returns the tasks that never started, as Runnables that would run them here.
     */
    @Override
    public List<Runnable> shutdownNow() {
        return engine.terminate().stream().map(t -> (Runnable) t::runHere).toList();
    }

    @Override
    public boolean isShutdown() {
        return engine.state() != TaskEngine.State.RUNNING;
    }

    /** True once shut down and every task, worker and callback has finished; it only looks. */
    @Override
    public boolean isTerminated() {
        return engine.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return engine.awaitTermination(Duration.ofNanos(unit.toNanos(timeout)));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return invokeAll(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(unit.toNanos(timeout), Long.MAX_VALUE / 2);
        List<Future<T>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(submit(t)));
        for (Future<T> f : futures) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException done) {
                // done, with a failure the caller reads from the future
            } catch (TimeoutException e) {
                futures.forEach(x -> x.cancel(true));
                break;
            }
        }
        return futures;
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no tasks");
        }
        List<CompletableFuture<T>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(submit(t)));
        CompletableFuture<T> first = new CompletableFuture<>();
        int[] failures = {0};
        for (CompletableFuture<T> f : futures) {
            f.whenComplete((value, failure) -> {
                if (failure == null) {
                    first.complete(value);
                } else {
                    synchronized (failures) {
                        if (++failures[0] == futures.size()) {
                            first.completeExceptionally(failure);
                        }
                    }
                }
            });
        }
        try {
            return first.get(Math.min(unit.toNanos(timeout), Long.MAX_VALUE / 2), TimeUnit.NANOSECONDS);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    /**
     * What this executor is doing and has done now; see {@link dev.spindle.multiprocessing.Pool#insights()}.
     * Workers' times, slow tasks and failures are kept when its builder asked for insights.
     */
    public PoolInsights insights() {
        return engine.insights();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + engine + "]";
    }
}
