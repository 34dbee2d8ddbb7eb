package dev.spindle.multiprocessing;

import dev.spindle.Spindle;
import dev.spindle.function.CheckedBiFunction;
import dev.spindle.function.CheckedCallable;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedFunction;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.internal.pool.Callbacks;
import dev.spindle.internal.pool.MapJob;
import dev.spindle.internal.pool.PoolBuilders;
import dev.spindle.internal.pool.PoolConfig;
import dev.spindle.internal.pool.Task;
import dev.spindle.internal.pool.TaskEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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
 * iterators) throw, like {@link CompletableFuture#join()}, a
 * {@link java.util.concurrent.CompletionException} whose cause is the task's failure, or a
 * {@link java.util.concurrent.CancellationException}. Futures ({@link AsyncResult}) report the
 * same cause through {@link java.util.concurrent.ExecutionException}.
 *
 * <p><b>Callbacks</b> (of {@code applyAsync}, of futures, and progress listeners) run in the
 * parent, one after another, in the pool's result thread, as in Python. A callback that throws
 * does not change the task's outcome: its exception is logged through SLF4J (logger
 * {@code dev.spindle.multiprocessing.Pool}, level ERROR), and the error callback is not called
 * for it.
 *
 * <p><b>Ending.</b> {@link #shutdown()} is Python's {@code close()}: no new tasks, those submitted
 * still run. {@link #join()} waits until every worker has ended. {@link #close()} does both
 * (try-with-resources), like {@code ExecutorService.close()}. {@link #terminate()} stops at once:
 * every unfinished task fails with a CancellationException and worker processes are killed.
 */
public final class Pool implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final TaskEngine engine;
    private final int workers;

    private Pool(TaskEngine engine, int workers) {
        this.engine = engine;
        this.workers = workers;
    }

    /** A pool of {@link Spindle#cpuCount()} worker processes. */
    public static Pool of() {
        return builder().build();
    }

    /** A pool of {@code processes} worker processes. */
    public static Pool of(int processes) {
        return builder().processes(processes).build();
    }

    /** A pool of {@code threads} platform threads with this same API (Python's {@code ThreadPool}). */
    public static Pool threads(int threads) {
        return builder().threads(threads).build();
    }

    /** A pool that runs each task in its own virtual thread, with no limit on how many run at once. */
    public static Pool virtualThreads() {
        return builder().virtualThreads().build();
    }

    /** A builder for a process pool; it can switch to threads. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- apply ---------------------------------------------------------------------------------

    /** Runs {@code fn()} in a worker and waits for its value (Python's {@code apply}). */
    public <R> R apply(CheckedCallable<R> fn) {
        return applyAsync(fn).toCompletableFuture().join();
    }

    /** Runs {@code fn(argument)} in a worker and waits for its value. */
    public <A, R> R apply(CheckedFunction<A, R> fn, A argument) {
        return applyAsync(fn, argument).toCompletableFuture().join();
    }

    /** Runs {@code fn(first, second)} in a worker and waits for its value. */
    public <A, B, R> R apply(CheckedBiFunction<A, B, R> fn, A first, B second) {
        return applyAsync(fn, first, second).toCompletableFuture().join();
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

    /** {@code fn} over {@code items} in the workers; the results in order (Python's {@code map}). */
    public <A, R> List<R> map(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return map(fn, items, TaskOptions.DEFAULT);
    }

    /** Like {@link #map(CheckedFunction, Iterable)}, {@code chunksize} items per task. */
    public <A, R> List<R> map(CheckedFunction<A, R> fn, Iterable<? extends A> items, int chunksize) {
        return map(fn, items, TaskOptions.DEFAULT.chunksize(chunksize));
    }

    /** Like {@link #map(CheckedFunction, Iterable)}, with options (chunk size, timeout, retries, progress). */
    public <A, R> List<R> map(CheckedFunction<A, R> fn, Iterable<? extends A> items, TaskOptions options) {
        return Pool.<R>all(job(fn, list(items), false, options, false)).toCompletableFuture().join();
    }

    /** Submits a map and returns at once (Python's {@code map_async}). */
    public <A, R> AsyncResult<List<R>> mapAsync(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return mapAsync(fn, items, TaskOptions.DEFAULT);
    }

    /** Submits a map with options and returns at once. */
    public <A, R> AsyncResult<List<R>> mapAsync(CheckedFunction<A, R> fn, Iterable<? extends A> items, TaskOptions options) {
        return all(job(fn, list(items), false, options, true));
    }

    /** The results of {@code fn} over {@code items}, in order, as they become ready (Python's {@code imap}). */
    public <A, R> ResultIterator<R> imap(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return imap(fn, items, TaskOptions.DEFAULT.chunksize(1));
    }

    /** Like {@link #imap(CheckedFunction, Iterable)} with options; the default chunk size here is 1, as in Python. */
    public <A, R> ResultIterator<R> imap(CheckedFunction<A, R> fn, Iterable<? extends A> items, TaskOptions options) {
        return job(fn, list(items), false, chunkOfOne(options), false).ordered();
    }

    /** The results of {@code fn} over {@code items} in the order they finish (Python's {@code imap_unordered}). */
    public <A, R> ResultIterator<R> imapUnordered(CheckedFunction<A, R> fn, Iterable<? extends A> items) {
        return imapUnordered(fn, items, TaskOptions.DEFAULT.chunksize(1));
    }

    /** Like {@link #imapUnordered(CheckedFunction, Iterable)} with options. */
    public <A, R> ResultIterator<R> imapUnordered(CheckedFunction<A, R> fn, Iterable<? extends A> items, TaskOptions options) {
        return job(fn, list(items), false, chunkOfOne(options), false).unordered();
    }

    /** {@code fn(a, b)} for each pair, in order (Python's {@code starmap}). */
    public <A, B, R> List<R> starmap(CheckedBiFunction<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs) {
        return starmap(fn, pairs, TaskOptions.DEFAULT);
    }

    /** {@code fn(a, b)} for each pair, with options. */
    public <A, B, R> List<R> starmap(CheckedBiFunction<A, B, R> fn, Iterable<? extends Map.Entry<? extends A, ? extends B>> pairs,
                                     TaskOptions options) {
        return Pool.<R>all(job(fn, pairArguments(pairs), true, options, false)).toCompletableFuture().join();
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
        return all(job(fn, pairArguments(pairs), true, options, true));
    }

    private static List<Object> pairArguments(Iterable<? extends Map.Entry<?, ?>> pairs) {
        List<Object> argumentLists = new ArrayList<>();
        for (Map.Entry<?, ?> pair : pairs) {
            argumentLists.add(arguments(pair.getKey(), pair.getValue()));
        }
        return argumentLists;
    }

    /** {@code exposed}: the map's future is handed to the user (see {@link MapJob#submit}). */
    private MapJob job(Object fn, List<?> items, boolean star, TaskOptions options, boolean exposed) {
        Objects.requireNonNull(fn, "fn");
        return MapJob.submit(engine, fn, items, star, options.chunksize(), workers, options.timeout(), options.retries(),
                options.progress(), exposed);
    }

    @SuppressWarnings("unchecked")
    private static <R> AsyncResult<List<R>> all(MapJob job) {
        return new AsyncResult<>((CompletableFuture<List<R>>) (CompletableFuture<?>) job.all());
    }

    private static TaskOptions chunkOfOne(TaskOptions options) {
        return options.chunksize() == 0 ? options.chunksize(1) : options;
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

    @Override
    public String toString() {
        return "Pool[" + engine + "]";
    }

    /**
     * Makes a pool (Python's {@code Pool(processes, initializer, initargs, maxtasksperchild)}).
     * Worker processes by default; {@link #threads} or {@link #virtualThreads} switch the backend.
     */
    public static final class Builder {
        static {
            PoolBuilders.register(Builder::engine);
        }

        private enum Kind { PROCESSES, THREADS, VIRTUAL_THREADS }

        private Kind kind = Kind.PROCESSES;
        private int workers = Spindle.cpuCount();
        private CheckedRunnable initializer;
        private int maxTasksPerChild;
        private Duration taskTimeout;
        private int retries;
        private StartMethod startMethod;
        private List<String> jvmOptions = List.of();
        private String name;

        private Builder() {}

        /** Worker processes, this many. */
        public Builder processes(int processes) {
            kind = Kind.PROCESSES;
            workers = positive(processes);
            return this;
        }

        /** Platform threads, this many, instead of processes. */
        public Builder threads(int threads) {
            kind = Kind.THREADS;
            workers = positive(threads);
            return this;
        }

        /** One virtual thread per task instead of processes. */
        public Builder virtualThreads() {
            kind = Kind.VIRTUAL_THREADS;
            workers = Spindle.cpuCount();
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

        /** A worker process is replaced after this many tasks; 0 (default) means never. */
        public Builder maxTasksPerChild(int tasks) {
            if (tasks < 0) {
                throw new IllegalArgumentException("maxTasksPerChild must not be negative: " + tasks);
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

        /** How worker processes start (default: {@link ChildProcess#defaultStartMethod()}). */
        public Builder startMethod(StartMethod method) {
            startMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Extra options for worker JVMs, such as {@code -Xmx256m}. */
        public Builder jvmOptions(String... options) {
            jvmOptions = List.of(options);
            return this;
        }

        /** A name for the pool's threads and messages. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Starts the pool. */
        public Pool build() {
            return new Pool(engine(false), workers);
        }

        /**
         * The engine for a pool or executor; {@code callbacksInWorker} lets thread workers
         * complete futures themselves (executors) instead of a result thread (pools).
         */
        TaskEngine engine(boolean callbacksInWorker) {
            StartMethod method = startMethod != null ? startMethod : ChildProcess.defaultStartMethod();
            PoolConfig config = new PoolConfig(workers, initializer, maxTasksPerChild, taskTimeout, retries, method, jvmOptions);
            String poolName = name != null ? name : "Pool-" + NAMES.incrementAndGet();
            return switch (kind) {
                case PROCESSES -> TaskEngine.processes(poolName, config);
                case THREADS -> TaskEngine.threads(poolName, config, false, callbacksInWorker);
                case VIRTUAL_THREADS -> TaskEngine.threads(poolName, config, true, callbacksInWorker);
            };
        }

        private static int positive(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("Number of processes must be at least 1: " + n);
            }
            return n;
        }
    }
}
