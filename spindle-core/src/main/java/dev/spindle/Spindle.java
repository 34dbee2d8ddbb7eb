package dev.spindle;

import dev.spindle.function.CheckedBiConsumer;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedConsumer3;
import dev.spindle.function.CheckedConsumer4;
import dev.spindle.function.CheckedConsumer5;
import dev.spindle.function.CheckedConsumer6;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.insights.Dashboard;
import dev.spindle.insights.PoolInsights;
import dev.spindle.internal.pool.LiveEngines;
import dev.spindle.internal.backend.Backends;
import dev.spindle.internal.launch.ChildContext;
import dev.spindle.internal.launch.LaunchSettings;
import dev.spindle.internal.transport.AuthKeys;
import dev.spindle.managers.Manager;
import dev.spindle.internal.launch.ProcessSpec;
import dev.spindle.multiprocessing.Array;
import dev.spindle.multiprocessing.BaseProcess;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.ParentProcess;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.multiprocessing.ProcessInfo;
import dev.spindle.multiprocessing.SharedMemory;
import dev.spindle.multiprocessing.StartMethod;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.SimpleQueue;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Condition;
import dev.spindle.sync.Event;
import dev.spindle.sync.Lock;
import dev.spindle.sync.RLock;
import dev.spindle.sync.Semaphore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The module-level functions of Python's {@code multiprocessing}, over the default (process)
 * context.
 */
public final class Spindle {
    private Spindle() {}

    /** Who this process is: "MainProcess", or the name of the {@link ChildProcess} it runs. */
    public static ProcessInfo currentProcess() {
        ProcessSpec current = ChildContext.current();
        ProcessHandle self = ProcessHandle.current();
        long parent = self.parent().map(ProcessHandle::pid).orElse(-1L);
        return new ProcessInfo(ChildContext.currentName(), self.pid(), parent, current != null && current.daemon());
    }

    /**
     * The process that started this one (Python's {@code multiprocessing.parent_process()}): its
     * name, pid, {@code isAlive()} and {@code join()}; null in the main program, which no Spindle
     * process started.
     */
    public static ParentProcess parentProcess() {
        return ParentProcess.ofThisProcess();
    }

    /**
     * Child JVMs from now on run {@code java} (Python's {@code multiprocessing.set_executable}): a
     * {@code java} binary of JDK 25 or later, such as one of another installation or a wrapper
     * script; null goes back to this JVM's own. Idle {@link StartMethod#WARM} children started
     * with the old binary are dropped. A binary that is not this JVM's (through a link, it is)
     * starts without the start-up (AOT) cache, which only fits the JVM that trained it.
     *
     * @throws IllegalArgumentException if {@code java} is not an executable file
     */
    public static void setExecutable(Path java) {
        LaunchSettings.executable(java);
    }

    /** The {@code java} binary child JVMs run (Python's {@code get_executable}): this JVM's unless {@link #setExecutable} chose another. */
    public static Path getExecutable() {
        return LaunchSettings.executable();
    }

    /**
     * Idle {@link StartMethod#WARM} children load and initialize {@code classNames} before they
     * wait for a target (Python's {@code set_forkserver_preload}), so that a target finds their
     * static state ready and pays nothing for it. Idle children started without them are
     * dropped. A class whose initializer fails in the child is skipped there, as Python's
     * forkserver skips a module it cannot import; the target meets the error when it uses it.
     *
     * @throws IllegalArgumentException if a class is not on the class path (checked without initializing it)
     */
    public static void setWarmPreload(List<String> classNames) {
        LaunchSettings.preload(classNames);
    }

    /** The classes idle WARM children initialize before a target; empty unless {@link #setWarmPreload} set them. */
    public static List<String> getWarmPreload() {
        return LaunchSettings.preload();
    }

    /** The child JVMs of this process that are still running, pool workers included. */
    public static List<BaseProcess> activeChildren() {
        return ChildProcess.activeChildren();
    }

    /**
     * This process's authentication key (Python's {@code current_process().authkey}): random in the
     * main program, inherited by its child JVMs; what {@link dev.spindle.multiprocessing.Listener}
     * and {@link dev.spindle.multiprocessing.Client} use when given none. A copy.
     */
    public static byte[] authkey() {
        return AuthKeys.current();
    }

    /** The number of CPUs this JVM may use. */
    public static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Set by {@link #setPoolContext}; null: the property, else {@link Context#processes()}. */
    private static volatile Context poolContext;

    /**
     * Sets where the pools and executors made without a context run — {@link Pool#of()},
     * {@link Pool#builder()}, {@code new ProcessPoolExecutor(n)} — in this JVM: a process context,
     * or a cluster's, which moves a program's pools to the cluster without a change to it (the
     * system property {@code spindle.pools=redis://host:port} does the same from the command
     * line). Null goes back to the default, {@link Context#processes()} as it is at each call.
     *
     * @throws IllegalArgumentException for a threads context (whose pools are not worker processes)
     */
    public static void setPoolContext(Context context) {
        if (context != null && context.kind() != Context.Kind.PROCESSES && context.kind() != Context.Kind.CLUSTER) {
            throw new IllegalArgumentException("the pools made without a context run on worker processes or a cluster, not "
                    + context + "; make a threads pool with Pool.threads(n) or Context.threads().pool(n)");
        }
        poolContext = context;
    }

    /**
     * Where pools and executors made without a context run: what {@link #setPoolContext} set; else
     * the cluster of the system property {@code spindle.pools} (a {@code redis://} URI) if it is
     * set; else {@link Context#processes()}.
     */
    public static Context poolContext() {
        Context set = poolContext;
        if (set != null) {
            return set;
        }
        String cluster = System.getProperty("spindle.pools", "");
        return cluster.isBlank() ? Context.processes() : Context.cluster(java.net.URI.create(cluster.strip()));
    }

    /**
     * Sets the start method of the default context ({@link Context#processes()}): processes,
     * pools and executors that choose none start this way (Python's {@code set_start_method}).
     * Contexts made before keep theirs.
     */
    public static void setStartMethod(StartMethod method) {
        Backends.defaultStartMethod(method);
    }

    /**
     * Starts the idle JVMs of the {@link StartMethod#WARM} start method now rather than at the
     * first warm start (Python's {@code forkserver.ensure_running}), and waits at most
     * {@code timeout} until one is ready.
     *
     * @return true if an idle JVM is ready
     */
    public static boolean warmUp(Duration timeout) throws InterruptedException {
        return Context.processes(StartMethod.WARM).warmUp(timeout);
    }

    /** A new child process that runs {@code target}, not started: the default context's {@link Context#process(CheckedRunnable)}. */
    public static BaseProcess process(CheckedRunnable target) {
        return Context.processes().process(target);
    }

    /** A new child process that runs {@code target(argument)}, not started: the default context's. */
    public static <A> BaseProcess process(CheckedConsumer<A> target, A argument) {
        return Context.processes().process(target, argument);
    }

    /** A new child process that runs {@code target(first, second)}, not started: the default context's. */
    public static <A, B> BaseProcess process(CheckedBiConsumer<A, B> target, A first, B second) {
        return Context.processes().process(target, first, second);
    }

    /** A new child process that runs {@code target} with three arguments, not started: the default context's. */
    public static <A, B, C> BaseProcess process(CheckedConsumer3<A, B, C> target, A first, B second, C third) {
        return Context.processes().process(target, first, second, third);
    }

    /** A new child process that runs {@code target} with four arguments, not started: the default context's. */
    public static <A, B, C, D> BaseProcess process(CheckedConsumer4<A, B, C, D> target, A first, B second, C third,
                                                   D fourth) {
        return Context.processes().process(target, first, second, third, fourth);
    }

    /** A new child process that runs {@code target} with five arguments, not started: the default context's. */
    public static <A, B, C, D, E> BaseProcess process(CheckedConsumer5<A, B, C, D, E> target, A first, B second,
                                                      C third, D fourth, E fifth) {
        return Context.processes().process(target, first, second, third, fourth, fifth);
    }

    /** A new child process that runs {@code target} with six arguments, not started: the default context's. */
    public static <A, B, C, D, E, F> BaseProcess process(CheckedConsumer6<A, B, C, D, E, F> target, A first,
                                                         B second, C third, D fourth, E fifth, F sixth) {
        return Context.processes().process(target, first, second, third, fourth, fifth, sixth);
    }

    /**
     * What every live pool and executor of this JVM is doing and has done, oldest first (see
     * {@code Pool.insights()}). A pool that has ended is listed once more, with its final counts,
     * and then no more.
     */
    public static List<PoolInsights> insights() {
        return LiveEngines.insights();
    }

    /**
     * Opens the live web dashboard of this JVM's pools and executors on 127.0.0.1:{@code port}
     * (0 picks a free port) and prints its address to standard output; see {@link Dashboard}.
     * Pools made while it is open record insights. Close it to stop serving.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static Dashboard dashboard(int port) {
        Dashboard dashboard = Dashboard.open(port);
        System.out.println("Spindle dashboard on " + dashboard.uri());
        return dashboard;
    }

    /** A new manager in a child JVM: the default context's {@link Context#manager()}. */
    public static Manager manager() {
        return Context.processes().manager();
    }

    /** A new duplex pipe between processes: the default context's {@link Context#pipe()}. */
    public static Pipe pipe() {
        return Context.processes().pipe();
    }

    /** A new pipe between processes: the default context's {@link Context#pipe(boolean)}. */
    public static Pipe pipe(boolean duplex) {
        return Context.processes().pipe(duplex);
    }

    /** A new tracked block of shared memory: the default context's {@link Context#sharedMemory(long)}. */
    public static SharedMemory sharedMemory(long size) {
        return Context.processes().sharedMemory(size);
    }

    /** A new event shared with child processes: the default context's {@link Context#event()}. */
    public static Event event() {
        return Context.processes().event();
    }

    /** A new lock shared with child processes: the default context's {@link Context#lock()}. */
    public static Lock lock() {
        return Context.processes().lock();
    }

    /** A new reentrant lock shared with child processes: the default context's {@link Context#rlock()}. */
    public static RLock rlock() {
        return Context.processes().rlock();
    }

    /** A new condition over a new reentrant lock, shared with child processes: the default context's {@link Context#condition()}. */
    public static Condition condition() {
        return Context.processes().condition();
    }

    /** A new condition over {@code lock}: the default context's {@link Context#condition(Lock)}. */
    public static Condition condition(Lock lock) {
        return Context.processes().condition(lock);
    }

    /** A new barrier shared with child processes: the default context's {@link Context#barrier(int)}. */
    public static Barrier barrier(int parties) {
        return Context.processes().barrier(parties);
    }

    /** A new barrier with an action: the default context's {@link Context#barrier(int, Runnable)}. */
    public static Barrier barrier(int parties, Runnable action) {
        return Context.processes().barrier(parties, action);
    }

    /** A new semaphore shared with child processes: the default context's {@link Context#semaphore(int)}. */
    public static Semaphore semaphore(int permits) {
        return Context.processes().semaphore(permits);
    }

    /** A new bounded semaphore shared with child processes: the default context's {@link Context#boundedSemaphore(int)}. */
    public static Semaphore boundedSemaphore(int permits) {
        return Context.processes().boundedSemaphore(permits);
    }

    /** A new unbounded queue shared with child processes: the default context's {@link Context#queue()}. */
    public static <T> Queue<T> queue() {
        return Context.processes().queue();
    }

    /** A new queue of at most {@code maxsize} items shared with child processes: the default context's {@link Context#queue(int)}. */
    public static <T> Queue<T> queue(int maxsize) {
        return Context.processes().queue(maxsize);
    }

    /** A new joinable queue shared with child processes: the default context's {@link Context#joinableQueue()}. */
    public static <T> JoinableQueue<T> joinableQueue() {
        return Context.processes().joinableQueue();
    }

    /** A new simple queue shared with child processes: the default context's {@link Context#simpleQueue()}. */
    public static <T> SimpleQueue<T> simpleQueue() {
        return Context.processes().simpleQueue();
    }

    /** A new value with a lock shared with child processes: the default context's {@link Context#value}. */
    public static <T> Value<T> value(TypeCode<T> code, T initial) {
        return Context.processes().value(code, initial);
    }

    /** A new array with a lock shared with child processes: the default context's {@link Context#array(TypeCode, List)}. */
    public static <T> Array<T> array(TypeCode<T> code, List<? extends T> values) {
        return Context.processes().array(code, values);
    }

    /** The start method of processes that do not choose one. */
    public static StartMethod getStartMethod() {
        return Backends.defaultStartMethod();
    }
}
