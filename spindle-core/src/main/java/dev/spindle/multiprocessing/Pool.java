package dev.spindle.multiprocessing;

import dev.spindle.Context;
import dev.spindle.ReadLimits;
import dev.spindle.Spindle;
import dev.spindle.function.CheckedBiFunction;
import dev.spindle.function.CheckedCallable;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedFunction3;
import dev.spindle.function.CheckedFunction4;
import dev.spindle.function.CheckedFunction5;
import dev.spindle.function.CheckedFunction6;
import dev.spindle.function.CheckedFunction;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.function.MultiArgument;
import dev.spindle.insights.PoolInsights;
import dev.spindle.internal.backend.Backends;
import dev.spindle.internal.backend.EngineSources;
import dev.spindle.internal.insights.Watchers;
import dev.spindle.internal.pool.Callbacks;
import dev.spindle.internal.pool.MapJob;
import dev.spindle.internal.pool.MapStream;
import dev.spindle.internal.pool.Outcomes;
import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.Task;
import dev.spindle.internal.pool.TaskEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A pool of workers (Python's {@code multiprocessing.Pool}): worker processes by default, or
 * threads with the same API ({@link #threads}, {@link #virtualThreads}; Python's
 * {@code multiprocessing.dummy}).
 *
 * <pre>{@code
 * try (Pool pool = Pool.of(4)) {
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3));
 *     AsyncResult<String> r = pool.applyAsync(Downloads::fetch, url, page -> parse(page), error -> log(error));
 * }
 * }</pre>
 *
 * <p><b>Beyond CPython.</b> A worker process that dies (SIGKILL, {@code System.exit}, out of
 * memory, a crash) fails only the task it was running, with a {@link dev.spindle.WorkerDiedException}
 * naming its pid and exit code; tasks it had not started run on other workers; a replacement
 * starts; the pool never hangs. Tasks may have a timeout (per call through {@link TaskOptions} or
 * pool-wide through {@link Builder#taskTimeout}): the worker running a task that overruns is
 * killed and replaced, and the task fails with a {@link java.util.concurrent.TimeoutException}.
 * {@code cancel(true)} on a running task does the same. Retries re-run a task whose worker died.
 *
 * <p><b>Functions and values</b> of a process pool cross to workers with the codec: functions are
 * serializable lambdas or method references ({@link CheckedFunction}, {@link CheckedBiFunction},
 * {@link CheckedCallable}). A function or argument that cannot be encoded is refused at the call
 * with a {@link dev.spindle.SerializationException}; a result that cannot be encoded fails its
 * task, and the worker lives on. A task's exception arrives as itself — its class, message and
 * the worker's stack frames — with a {@link dev.spindle.RemoteTraceback} naming the worker attached
 * as a suppressed exception (a {@link dev.spindle.RemoteException} stands in when its class cannot
 * be re-created here). Thread pools give the exception itself too.
 *
 * <p><b>Failures.</b> Blocking calls ({@code apply}, {@code map}, {@code starmap}, the
 * iterators) throw the task's failure as it is, as Python re-raises it: the task's own exception
 * (checked ones too, though these methods do not declare them: catch {@code Exception} for
 * those), or the pool's reason it did not finish — a {@link dev.spindle.WorkerDiedException}, a
 * {@link java.util.concurrent.TimeoutException}, a
 * {@link java.util.concurrent.CancellationException}. Futures ({@link AsyncResult}) report the
 * same failure as the cause of an {@link java.util.concurrent.ExecutionException}, as the
 * {@link java.util.concurrent.Future} contract says.
 *
 * <p><b>Callbacks</b> (of {@code applyAsync}, of futures, and progress listeners) run in the
 * parent, one after another, in the pool's result thread, as in Python. A callback that throws
 * does not change the task's outcome: its exception is logged through the JDK's
 * {@link System.Logger} (logger {@code dev.spindle.multiprocessing.Pool}, level ERROR; on stderr
 * unless the program routes it elsewhere), and the error callback is not called
 * for it.
 *
 * <p><b>Ending.</b> {@link #shutdown()} is Python's {@code close()}: no new tasks, those submitted
 * still run. {@link #join()} waits until every worker has ended. {@link #close()} does both
 * (try-with-resources), like {@code ExecutorService.close()}. {@link #terminate()} stops at once:
 * every unfinished task fails with a CancellationException and worker processes are killed.
 */
public final class Pool implements AutoCloseable {

    /** The smallest {@link #streamWindow()}: enough tasks ahead for batches of small ones. */
    private static final int MIN_STREAM_WINDOW = 128;

    private final TaskEngine engine;
    private final int workers;

    private Pool(TaskEngine engine, int workers) {
        this.engine = engine;
        this.workers = workers;
    }

    /** A pool of {@link Spindle#cpuCount()} worker processes (of {@link Spindle#poolContext()}). */
    public static Pool of() {
        return builder().build();
    }

    /** A pool of {@code processes} worker processes (of {@link Spindle#poolContext()}). */
    public static Pool of(int processes) {
        return builder().processes(processes).build();
    }

    /** A pool of {@code threads} platform threads with this same API (Python's {@code ThreadPool}). */
    public static Pool threads(int threads) {
        return Context.threads().pool(threads);
    }

    /** A pool that runs each task in its own virtual thread, with no limit on how many run at once. */
    public static Pool virtualThreads() {
        return Context.virtualThreads().pool();
    }

    /**
     * A builder for a pool of worker processes of the default context ({@link Context#processes()}),
     * or of the context {@link Spindle#setPoolContext} (or {@code -Dspindle.pools}) chose.
     */
    public static Builder builder() {
        return builder(Spindle.poolContext());
    }

    /** A builder for a pool of {@code context}: its workers are that context's and no other's. */
    public static Builder builder(Context context) {
        return new Builder(Objects.requireNonNull(context, "context"));
    }

    // ---- apply ---------------------------------------------------------------------------------

    /** Runs {@code fn()} in a worker and waits for its value (Python's {@code apply}). */
    public <R> R apply(CheckedCallable<R> fn) {
        return Outcomes.join(applyAsync(fn).toCompletableFuture());
    }

    /** Runs {@code fn(argument)} in a worker and waits for its value. */
    public <A, R> R apply(CheckedFunction<A, R> fn, A argument) {
        return Outcomes.join(applyAsync(fn, argument).toCompletableFuture());
    }

    /** Runs {@code fn(first, second)} in a worker and waits for its value. */
    public <A, B, R> R apply(CheckedBiFunction<A, B, R> fn, A first, B second) {
        return Outcomes.join(applyAsync(fn, first, second).toCompletableFuture());
    }

    /** Runs {@code fn(first, second, third)} in a worker and waits for its value. */
    public <A, B, C, R> R apply(CheckedFunction3<A, B, C, R> fn, A first, B second, C third) {
        return Outcomes.join(applyAsync(fn, first, second, third).toCompletableFuture());
    }

    /** Runs {@code fn(first, second, third, fourth)} in a worker and waits for its value. */
    public <A, B, C, D, R> R apply(CheckedFunction4<A, B, C, D, R> fn, A first, B second, C third, D fourth) {
        return Outcomes.join(applyAsync(fn, first, second, third, fourth).toCompletableFuture());
    }

    /** Runs {@code fn(first, second, third, fourth, fifth)} in a worker and waits for its value. */
    public <A, B, C, D, E, R> R apply(CheckedFunction5<A, B, C, D, E, R> fn, A first, B second, C third, D fourth, E fifth) {
        return Outcomes.join(applyAsync(fn, first, second, third, fourth, fifth).toCompletableFuture());
    }

    /** Runs {@code fn(first, second, third, fourth, fifth, sixth)} in a worker and waits for its value. */
    public <A, B, C, D, E, F, R> R apply(CheckedFunction6<A, B, C, D, E, F, R> fn, A first, B second, C third, D fourth, E fifth, F sixth) {
        return Outcomes.join(applyAsync(fn, first, second, third, fourth, fifth, sixth).toCompletableFuture());
    }

    /** Submits {@code fn()} and returns at once (Python's {@code apply_async}). */
    public <R> AsyncResult<R> applyAsync(CheckedCallable<R> fn) {
        return submit(fn, new ArrayList<>(), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(argument)} and returns at once. */
    public <A, R> AsyncResult<R> applyAsync(CheckedFunction<A, R> fn, A argument) {
        return applyAsync(fn, argument, TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(argument)} with a timeout or retries. */
    public <A, R> AsyncResult<R> applyAsync(CheckedFunction<A, R> fn, A argument, TaskOptions options) {
        return submit(fn, arguments(argument), options);
    }

    /** Submits {@code fn(first, second)} and returns at once. */
    public <A, B, R> AsyncResult<R> applyAsync(CheckedBiFunction<A, B, R> fn, A first, B second) {
        return submit(fn, arguments(first, second), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(first, second, third)} and returns at once. */
    public <A, B, C, R> AsyncResult<R> applyAsync(CheckedFunction3<A, B, C, R> fn, A first, B second, C third) {
        return submit(fn, arguments(first, second, third), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(first, second, third, fourth)} and returns at once. */
    public <A, B, C, D, R> AsyncResult<R> applyAsync(CheckedFunction4<A, B, C, D, R> fn, A first, B second, C third, D fourth) {
        return submit(fn, arguments(first, second, third, fourth), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(first, second, third, fourth, fifth)} and returns at once. */
    public <A, B, C, D, E, R> AsyncResult<R> applyAsync(CheckedFunction5<A, B, C, D, E, R> fn, A first, B second, C third, D fourth, E fifth) {
        return submit(fn, arguments(first, second, third, fourth, fifth), TaskOptions.DEFAULT);
    }

    /** Submits {@code fn(first, second, third, fourth, fifth, sixth)} and returns at once. */
    public <A, B, C, D, E, F, R> AsyncResult<R> applyAsync(CheckedFunction6<A, B, C, D, E, F, R> fn, A first, B second, C third, D fourth, E fifth, F sixth) {
        return submit(fn, arguments(first, second, third, fourth, fifth, sixth), TaskOptions.DEFAULT);
    }

    /**
     * Submits {@code fn(argument)}; when it finishes, {@code callback} gets its value or
     * {@code errorCallback} its failure, in the parent's result thread (Python's
     * {@code apply_async(..., callback, error_callback)}). Either may be null.
     */
    public <A, R> AsyncResult<R> applyAsync(CheckedFunction<A, R> fn, A argument, Consumer<? super R> callback,
                                            Consumer<? super Throwable> errorCallback) {
        return withCallbacks(applyAsync(fn, argument), callback, errorCallback);
    }

    /** Submits {@code fn(first, second)} with callbacks, as {@link #applyAsync(CheckedFunction, Object, Consumer, Consumer)}. */
    public <A, B, R> AsyncResult<R> applyAsync(CheckedBiFunction<A, B, R> fn, A first, B second, Consumer<? super R> callback,
                                               Consumer<? super Throwable> errorCallback) {
        return withCallbacks(applyAsync(fn, first, second), callback, errorCallback);
    }

    private static <R> AsyncResult<R> withCallbacks(AsyncResult<R> result, Consumer<? super R> callback,
                                                    Consumer<? super Throwable> errorCallback) {
        CompletableFuture<R> future = result.toCompletableFuture();
        // The result is ready (get returns) only once its callback has run, as in Python. A
        // callback that throws is logged and changes nothing: the task's outcome stands.
        CompletableFuture<R> afterCallbacks = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            Callbacks.runGuarded(Pool.class, future, () -> {
                if (failure == null && callback != null) {
                    callback.accept(value);
                } else if (failure != null && errorCallback != null) {
                    errorCallback.accept(failure);
                }
            });
            if (failure == null) {
                afterCallbacks.complete(value);
            } else {
                afterCallbacks.completeExceptionally(failure);
            }
        });
        return new AsyncResult<>(afterCallbacks, future);
    }

    @SuppressWarnings("unchecked")
    private <R> AsyncResult<R> submit(Object fn, List<Object> arguments, TaskOptions options) {
        Objects.requireNonNull(fn, "fn");
        Task task = engine.submit(fn, Task.Shape.SINGLE, arguments, options.timeout(), options.retries());
        return new AsyncResult<>((CompletableFuture<R>) (CompletableFuture<?>) task.future());
    }

    private static List<Object> arguments(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object v : values) {
            list.add(v);
        }
        return list;
    }

    // ---- map -----------------------------------------------------------------------------------

    /**
     * {@code fn} over {@code items} in the workers; the results in order (Python's {@code map}).
     * As in Python, {@code items} is read whole at the call and every task queued at once (the
     * result list needs them all): an exception thrown by {@code items} is thrown by this call
     * before any task is queued; an item a process pool cannot encode is refused by this call with
     * a {@link dev.spindle.SerializationException}, and the tasks queued before it are cancelled.
     * For an input too large to hold, use {@link #imap}.
     */
    public <A, R> List<R> map(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return map(fn, items, TaskOptions.DEFAULT);
    }

    /** Like {@link #map(CheckedFunction, Iterable)}, {@code chunksize} items per task. */
    public <A, R> List<R> map(CheckedFunction<A, R> fn, Iterable<? extends A> items, int chunksize) {
        return map(fn, items, TaskOptions.DEFAULT.chunksize(chunksize));
    }

    /** Like {@link #map(CheckedFunction, Iterable)}, with options (chunk size, timeout, retries, progress). */
    public <A, R> List<R> map(CheckedFunction<A, R> fn, Iterable<? extends A> items, TaskOptions options) {
        return Outcomes.join(Pool.<R>all(job(fn, list(items), MapJob.Items.ARGUMENTS, options, MapJob.Futures.CALLER)).toCompletableFuture());
    }

    /** Submits a map and returns at once (Python's {@code map_async}). */
    public <A, R> AsyncResult<List<R>> mapAsync(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return mapAsync(fn, items, TaskOptions.DEFAULT);
    }

    /** Submits a map with options and returns at once. */
    public <A, R> AsyncResult<List<R>> mapAsync(CheckedFunction<A, R> fn, Iterable<? extends A> items, TaskOptions options) {
        return all(job(fn, list(items), MapJob.Items.ARGUMENTS, options, MapJob.Futures.USER));
    }

    /**
     * Submits a map; when it finishes, {@code callback} gets the list of results or
     * {@code errorCallback} the first failure, in the parent's result thread, before the result is
     * ready (Python's {@code map_async(..., callback, error_callback)}). Either may be null.
     */
    public <A, R> AsyncResult<List<R>> mapAsync(CheckedFunction<A, R> fn, Iterable<? extends A> items,
                                                Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback) {
        return withCallbacks(mapAsync(fn, items), callback, errorCallback);
    }

    /**
     * The results of {@code fn} over {@code items}, in order, as they become ready (Python's
     * {@code imap}), one item per task. An {@code items} that is not a {@link Collection} is read lazily: at most
     * {@link #streamWindow()} tasks ahead of the consumer, the first of them at this
     * call and the rest, in the consumer's thread, as it takes results; so an endless or huge
     * input streams through in bounded memory, and {@link ResultIterator#close()} stops it. An
     * exception thrown by {@code items} comes out of {@code next()} after the results of the items
     * before it, as itself; then the iteration ends.
     */
    public <A, R> ResultIterator<R> imap(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return imap(fn, items, TaskOptions.DEFAULT.chunksize(1));
    }

    /**
     * Like {@link #imap(CheckedFunction, Iterable)} with options; the default chunk size here is 1,
     * as in Python. The window counts tasks: {@code chunksize × streamWindow()} items.
     */
    public <A, R> ResultIterator<R> imap(CheckedFunction<A, R> fn, Iterable<? extends A> items, TaskOptions options) {
        return stream(fn, items, options, true);
    }

    /**
     * The results of {@code fn} over {@code items} in the order they finish (Python's
     * {@code imap_unordered}); {@code items} is read lazily as for {@link #imap}. An exception thrown by
     * {@code items} comes out of {@code next()} once the results of every item before it were
     * taken (in CPython it may come before some of them); then the iteration ends.
     */
    public <A, R> ResultIterator<R> imapUnordered(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return imapUnordered(fn, items, TaskOptions.DEFAULT.chunksize(1));
    }

    /** Like {@link #imapUnordered(CheckedFunction, Iterable)} with options. */
    public <A, R> ResultIterator<R> imapUnordered(CheckedFunction<A, R> fn, Iterable<? extends A> items, TaskOptions options) {
        return stream(fn, items, options, false);
    }

    private <R> ResultIterator<R> stream(Object fn, Iterable<?> items, TaskOptions options, boolean ordered) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(items, "items");
        TaskOptions chunked = options.chunksize() == 0 ? options.chunksize(1) : options;
        // A collection is in memory already: all its tasks go at once, in batches, as in CPython.
        int window = items instanceof Collection<?> all ? Math.max(streamWindow(), all.size()) : streamWindow();
        return MapStream.open(engine, fn, MapJob.Items.ARGUMENTS, items, chunked, window, ordered);
    }

    /**
     * How many tasks of an {@link #imap} or {@link #imapUnordered} may be ahead of its consumer
     * (queued, running, or finished and not yet taken): twice the workers, so every worker has a
     * task while the consumer takes the results of the others, and at least
     * 128, so that small tasks still reach worker processes in batches.
     */
    public int streamWindow() {
        return Math.max(2 * workers, MIN_STREAM_WINDOW);
    }

    /** {@code fn(a, b)} for each pair, in order (Python's {@code starmap}). */
    public <A, B, R> List<R> starmap(CheckedBiFunction<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        return starmap(fn, pairs, TaskOptions.DEFAULT);
    }

    /** {@code fn(a, b)} for each pair, with options. */
    public <A, B, R> List<R> starmap(CheckedBiFunction<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs,
                                     TaskOptions options) {
        return Outcomes.join(Pool.<R>all(job(fn, pairArguments(pairs), MapJob.Items.ARGUMENT_LISTS, options, MapJob.Futures.CALLER)).toCompletableFuture());
    }

    /** Submits a star map and returns at once (Python's {@code starmap_async}). */
    public <A, B, R> AsyncResult<List<R>> starmapAsync(CheckedBiFunction<A, B, R> fn,
                                                       Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        return starmapAsync(fn, pairs, TaskOptions.DEFAULT);
    }

    /** Submits a star map with options. */
    public <A, B, R> AsyncResult<List<R>> starmapAsync(CheckedBiFunction<A, B, R> fn,
                                                       Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs,
                                                       TaskOptions options) {
        return all(job(fn, pairArguments(pairs), MapJob.Items.ARGUMENT_LISTS, options, MapJob.Futures.USER));
    }

    /** Submits a star map with callbacks, as {@link #mapAsync(CheckedFunction, Iterable, Consumer, Consumer)} (Python's {@code starmap_async}). */
    public <A, B, R> AsyncResult<List<R>> starmapAsync(CheckedBiFunction<A, B, R> fn,
                                                       Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs,
                                                       Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback) {
        return withCallbacks(starmapAsync(fn, pairs), callback, errorCallback);
    }

    /**
     * {@code fn} over argument lists of 3 each, in the workers; the results in order (Python's
     * {@code starmap(fn, [(a, b, c), ...])}).
     *
     * @throws IllegalArgumentException if a list does not hold 3 arguments
     */
    public <A, B, C, R> List<R> starmap(CheckedFunction3<A, B, C, R> fn, Iterable<? extends List<?>> argumentLists) {
        return Outcomes.join(Pool.<R>all(job(fn, argumentLists(argumentLists, 3), MapJob.Items.ARGUMENT_LISTS,
                TaskOptions.DEFAULT, MapJob.Futures.CALLER)).toCompletableFuture());
    }

    /**
     * {@code fn} over argument lists of 4 each, in the workers; the results in order (Python's
     * {@code starmap(fn, [(a, b, c), ...])}).
     *
     * @throws IllegalArgumentException if a list does not hold 4 arguments
     */
    public <A, B, C, D, R> List<R> starmap(CheckedFunction4<A, B, C, D, R> fn, Iterable<? extends List<?>> argumentLists) {
        return Outcomes.join(Pool.<R>all(job(fn, argumentLists(argumentLists, 4), MapJob.Items.ARGUMENT_LISTS,
                TaskOptions.DEFAULT, MapJob.Futures.CALLER)).toCompletableFuture());
    }

    /**
     * {@code fn} over argument lists of 5 each, in the workers; the results in order (Python's
     * {@code starmap(fn, [(a, b, c), ...])}).
     *
     * @throws IllegalArgumentException if a list does not hold 5 arguments
     */
    public <A, B, C, D, E, R> List<R> starmap(CheckedFunction5<A, B, C, D, E, R> fn, Iterable<? extends List<?>> argumentLists) {
        return Outcomes.join(Pool.<R>all(job(fn, argumentLists(argumentLists, 5), MapJob.Items.ARGUMENT_LISTS,
                TaskOptions.DEFAULT, MapJob.Futures.CALLER)).toCompletableFuture());
    }

    /**
     * {@code fn} over argument lists of 6 each, in the workers; the results in order (Python's
     * {@code starmap(fn, [(a, b, c), ...])}).
     *
     * @throws IllegalArgumentException if a list does not hold 6 arguments
     */
    public <A, B, C, D, E, F, R> List<R> starmap(CheckedFunction6<A, B, C, D, E, F, R> fn, Iterable<? extends List<?>> argumentLists) {
        return Outcomes.join(Pool.<R>all(job(fn, argumentLists(argumentLists, 6), MapJob.Items.ARGUMENT_LISTS,
                TaskOptions.DEFAULT, MapJob.Futures.CALLER)).toCompletableFuture());
    }

    private static List<Object> argumentLists(Iterable<? extends List<?>> lists, int arity) {
        List<Object> argumentLists = new ArrayList<>();
        for (List<?> list : lists) {
            argumentLists.add(new ArrayList<Object>(MultiArgument.require(list, arity)));
        }
        return argumentLists;
    }

    private static List<Object> pairArguments(Iterable<? extends Map.Entry<?, ?>> pairs) {
        List<Object> argumentLists = new ArrayList<>();
        for (Map.Entry<?, ?> pair : pairs) {
            argumentLists.add(arguments(pair.getKey(), pair.getValue()));
        }
        return argumentLists;
    }

    private MapJob job(Object fn, List<?> items, MapJob.Items kind, TaskOptions options, MapJob.Futures futures) {
        Objects.requireNonNull(fn, "fn");
        return MapJob.submit(engine, new MapJob.Request(fn, items, kind, workers), options, futures);
    }

    @SuppressWarnings("unchecked")
    private static <R> AsyncResult<List<R>> all(MapJob job) {
        return new AsyncResult<>((CompletableFuture<List<R>>) (CompletableFuture<?>) job.all());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Iterable<?> items) {
        if (items instanceof List<?> given) {
            return (List<Object>) given; // only read, and sliced into copies
        }
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    // ---- ending --------------------------------------------------------------------------------

    /** No new tasks; those submitted still run, then the workers end (Python's {@code close()}). */
    public void shutdown() {
        engine.shutdown();
    }

    /** Stops now: unfinished tasks fail with a CancellationException; worker processes are killed. */
    public void terminate() {
        engine.terminate();
    }

    /**
     * Waits until every worker has ended, after {@link #shutdown()} or {@link #terminate()}.
     *
     * @throws IllegalStateException if the pool is still running (as Python's join)
     */
    public void join() throws InterruptedException {
        join(null);
    }

    /** Waits at most {@code timeout} (null: no limit) for the workers to end; true if they have. */
    public boolean join(Duration timeout) throws InterruptedException {
        if (engine.state() == TaskEngine.State.RUNNING) {
            throw new IllegalStateException("join() needs shutdown() or terminate() first");
        }
        return engine.awaitTermination(timeout);
    }

    /** {@link #shutdown()}, then {@link #join()}: every submitted task has finished when this returns. */
    @Override
    public void close() {
        shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                engine.awaitTermination(null);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many workers this pool has (for virtual threads: the CPU count it plans chunks for). */
    public int size() {
        return workers;
    }

    /**
     * What this pool is doing and has done now (mpire's insights): tasks queued, running, done
     * and failed; each live worker's pid, state, start-up and initializer time, tasks done and time
     * working, waiting and moving data, and heap in use; the slowest tasks with their arguments and
     * the latest failures with their tracebacks. Workers' times, slow tasks and failures are kept
     * only when the pool records insights ({@link Builder#insights(boolean)}). Works in any state,
     * also after the pool was closed.
     */
    public PoolInsights insights() {
        return engine.insights();
    }

    @Override
    public String toString() {
        return "Pool[" + engine + "]";
    }

    /**
     * Makes a pool (Python's {@code Pool(processes, initializer, initargs, maxtasksperchild)}) on
     * one {@link Context}, fixed when the builder is made: {@code Pool.builder()} for the default
     * process context, {@code Pool.builder(Context.threads())} or
     * {@code Context.threads().poolBuilder(n)} for threads.
     */
    public static final class Builder {
        static {
            // the executors of dev.spindle.futures are made from a builder too
            EngineSources.register(Builder.class, Builder::engine);
        }

        private Context context;
        private int workers = Spindle.cpuCount();
        private CheckedRunnable initializer;
        private int maxTasksPerChild;
        private Duration taskTimeout;
        private int retries;
        private List<String> jvmOptions = List.of();
        private String name;
        private ReadLimits readLimits = ReadLimits.defaults();
        private boolean insights = Watchers.recordByDefault();

        private Builder(Context context) {
            this.context = context;
        }

        /**
         * This many workers (Python's {@code processes} argument, which its {@code ThreadPool}
         * takes too): worker processes, or platform threads on a thread context. Virtual threads
         * ignore it.
         */
        public Builder processes(int processes) {
            if (processes < 1) {
                throw new IllegalArgumentException("Number of processes must be at least 1: " + processes);
            }
            workers = processes;
            return this;
        }

        /** Runs {@code initializer} in each worker before its first task. If it throws, the pool breaks. */
        public Builder initializer(CheckedRunnable initializer) {
            this.initializer = initializer;
            return this;
        }

        /** Runs {@code initializer(argument)} in each worker before its first task (Python's initargs). */
        public <A> Builder initializer(CheckedConsumer<A> initializer, A argument) {
            Objects.requireNonNull(initializer, "initializer");
            this.initializer = () -> initializer.accept(argument);
            return this;
        }

        /**
         * A worker process is replaced after this many tasks (Python's {@code maxtasksperchild});
         * unset (the default), never.
         *
         * @throws IllegalArgumentException if {@code tasks} is below 1 (Python's ValueError)
         */
        public Builder maxTasksPerChild(int tasks) {
            if (tasks < 1) {
                throw new IllegalArgumentException("maxTasksPerChild must be at least 1 (leave it unset for no limit): " + tasks);
            }
            maxTasksPerChild = tasks;
            return this;
        }

        /** The default timeout of every task (see {@link TaskOptions#timeout}). */
        public Builder taskTimeout(Duration timeout) {
            TaskOptions.DEFAULT.timeout(timeout); // the same checks as a per-call timeout
            taskTimeout = timeout;
            return this;
        }

        /** How many times a task whose worker died is run again (default 0). */
        public Builder retries(int retries) {
            TaskOptions.DEFAULT.retries(retries); // the same checks as per-call retries
            this.retries = retries;
            return this;
        }

        /**
         * How worker processes start: the builder's context becomes
         * {@code Context.processes(method)}.
         *
         * @throws IllegalStateException on a thread context, which starts no processes
         */
        public Builder startMethod(StartMethod method) {
            Objects.requireNonNull(method, "method");
            requireProcesses("startMethod");
            context = Context.processes(method);
            return this;
        }

        /**
         * Extra options for worker JVMs, such as {@code -Xmx256m}.
         *
         * @throws IllegalStateException on a thread context, which starts no JVMs
         */
        public Builder jvmOptions(String... options) {
            requireProcesses("jvmOptions");
            jvmOptions = List.of(options);
            return this;
        }

        /**
         * Whether the pool records insights: its workers' times, its slowest tasks and its latest
         * failures (see {@link #insights()}); counts are kept either way. Default: while a
         * dashboard is open in this JVM, or with {@code -Dspindle.insights=true}; else off. It
         * costs a few clock reads per task.
         */
        public Builder insights(boolean record) {
            insights = record;
            return this;
        }

        /** A name for the pool's threads and messages. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * What decoding one task, argument or result may cost in worker processes and in this
         * one (see {@link ReadLimits}); a value that breaks them fails its task with a
         * {@link dev.spindle.SerializationException}. Default {@link ReadLimits#defaults()}.
         */
        public Builder readLimits(ReadLimits limits) {
            readLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The context the pool will run on. */
        public Context context() {
            return context;
        }

        /** Starts the pool. */
        public Pool build() {
            return new Pool(engine(false), workers);
        }

        /** The engine of a pool or executor as this builder describes it. */
        private TaskEngine engine(boolean callbacksInWorker) {
            StartMethod method = context.startMethod().orElse(null);
            PoolConfig config = new PoolConfig(workers, initializer, maxTasksPerChild, taskTimeout, retries, method,
                    jvmOptions, readLimits, insights);
            return Backends.ofContext(context).engine(Backends.poolName(name), config, callbacksInWorker);
        }

        private void requireProcesses(String setting) {
            if (context.kind() != Context.Kind.PROCESSES) {
                throw new IllegalStateException(setting + " is for worker processes; this builder's workers are "
                        + context + "'s");
            }
        }
    }
}
