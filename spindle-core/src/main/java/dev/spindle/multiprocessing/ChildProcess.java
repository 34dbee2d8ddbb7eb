package dev.spindle.multiprocessing;

import dev.spindle.function.CheckedBiConsumer;
import dev.spindle.function.CheckedConsumer3;
import dev.spindle.function.CheckedConsumer4;
import dev.spindle.function.CheckedConsumer5;
import dev.spindle.function.CheckedConsumer6;
import dev.spindle.function.CheckedConsumer;
import dev.spindle.function.CheckedRunnable;
import dev.spindle.internal.backend.Backends;
import dev.spindle.internal.launch.ChildContext;
import dev.spindle.internal.launch.LaunchedProcess;
import dev.spindle.internal.launch.ProcessSpec;
import dev.spindle.internal.launch.Targets;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process running in its own child JVM (Python's {@code multiprocessing.Process}).
 *
 * <p>Give it a target — a serializable lambda or method reference, with up to two arguments — or
 * subclass it and override {@link #run()}. {@link #start()} encodes the object itself (target,
 * arguments, the subclass's fields) and runs it in a new JVM; whatever cannot be encoded fails
 * right there with a {@link dev.spindle.SerializationException} naming the field path.
 *
 * <pre>{@code
 * ChildProcess p = new ChildProcess(Downloads::download, "file.zip").name("downloader");
 * p.start();
 * p.join();
 * assert p.exitCode() == 0;
 * }</pre>
 *
 * <p>Lifecycle, as in Python: configure ({@link #name}, {@link #daemon}, {@link #jvmOptions},
 * {@link #startMethod}) before {@code start()}; start once; {@link #join()} waits for the end;
 * {@link #exitCode()} is null while running, 0 when the target returned, 1 when it threw, n after
 * {@code System.exit(n)}, and -N when a signal N ended it. The child's standard output and error
 * are this process's own. A non-daemon child keeps this JVM alive until it ends; a daemon child is
 * killed when this JVM exits; every child exits when this process dies, even by SIGKILL.
 *
 * <p>Memory consistency: everything the child did happens-before the return of a {@code join}
 * that observed its end, as far as it is visible through {@link #exitCode()} and
 * {@link #failure()}; the child shares no memory with the parent except what is explicitly shared.
 */
public class ChildProcess implements BaseProcess, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> NO_OPTIONS = List.of();

    /**
     * The target: a CheckedRunnable, CheckedConsumer, CheckedBiConsumer or CheckedConsumer3..6 for
     * 0 to 6 args; null for subclasses, and once the child of a plain process has ended.
     */
    private volatile Serializable target;
    /** Unmodifiable and serializable; emptied with {@link #target}. */
    @SuppressWarnings("serial") // always an unmodifiable copy of an ArrayList, which is serializable
    private volatile List<Object> args;
    /** True once the child has ended and this object let go of its target and arguments. */
    private volatile boolean released;
    private String name;
    private boolean daemon;
    @SuppressWarnings("serial") // List.of(...): serializable
    private List<String> jvmOptions = NO_OPTIONS;
    private StartMethod startMethod;
    private transient volatile LaunchedProcess launched;
    /** True once {@link #close()} let go of the child. */
    private transient volatile boolean closed;

    /** A process that runs {@code target}. */
    public ChildProcess(CheckedRunnable target) {
        this(List.of(), target);
    }

    /** A process that runs {@code target(argument)}; {@link #args()} holds the argument. */
    public <A> ChildProcess(CheckedConsumer<A> target, A argument) {
        this(Collections.singletonList(argument), target);
    }

    /** A process that runs {@code target(first, second)}. */
    public <A, B> ChildProcess(CheckedBiConsumer<A, B> target, A first, B second) {
        this(Arrays.asList(first, second), target);
    }

    /** A process that runs {@code target(first, second, third)}. */
    public <A, B, C> ChildProcess(CheckedConsumer3<A, B, C> target, A first, B second, C third) {
        this(Arrays.asList(first, second, third), target);
    }

    /** A process that runs {@code target(first, second, third, fourth)}. */
    public <A, B, C, D> ChildProcess(CheckedConsumer4<A, B, C, D> target, A first, B second, C third, D fourth) {
        this(Arrays.asList(first, second, third, fourth), target);
    }

    /** A process that runs {@code target(first, second, third, fourth, fifth)}. */
    public <A, B, C, D, E> ChildProcess(CheckedConsumer5<A, B, C, D, E> target, A first, B second, C third, D fourth, E fifth) {
        this(Arrays.asList(first, second, third, fourth, fifth), target);
    }

    /** A process that runs {@code target(first, second, third, fourth, fifth, sixth)}. */
    public <A, B, C, D, E, F> ChildProcess(CheckedConsumer6<A, B, C, D, E, F> target, A first, B second, C third, D fourth, E fifth, F sixth) {
        this(Arrays.asList(first, second, third, fourth, fifth, sixth), target);
    }

    /**
     * For subclasses that override {@link #run()}: {@code args} are kept and readable by
     * {@link #args()} in the child (Python's {@code self._args}).
     */
    protected ChildProcess(Object... args) {
        this(Arrays.asList(args.clone()), null);
    }

    private ChildProcess(List<Object> args, Serializable target) {
        this(args, target, "ChildProcess-" + COUNTER.incrementAndGet());
    }

    private ChildProcess(List<Object> args, Serializable target, String name) {
        this.target = target;
        this.args = Targets.copyOf(args);
        this.name = name;
    }

    /**
     * The code the child runs: the target, unless a subclass overrides it. Calling it directly
     * runs it in the caller, as in Python.
     *
     * @throws IllegalStateException once the child has ended: the target has been released
     */
    @Override
    public void run() throws Exception {
        if (released) {
            throw new IllegalStateException("the target of " + name + " was released when its child ended");
        }
        if (target != null) {
            Targets.call(target, args);
        }
    }

    /**
     * The arguments given at construction. Once the child of a process made with a target has
     * ended, this object lets go of the target and the arguments (as Python's parent does), so
     * they can be collected: then empty.
     */
    public final List<Object> args() {
        return args;
    }

    /** The name; default {@code ChildProcess-N}. Known to the child as its own name. */
    @Override
    public final String name() {
        return name;
    }

    /** Sets the name (before or after start, as in Python; the child sees the name at start). */
    @Override
    public final ChildProcess name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Whether this is a daemon process. */
    @Override
    public final boolean isDaemon() {
        return daemon;
    }

    /**
     * Marks the process as a daemon: killed when the parent JVM exits, and not allowed to start
     * children of its own. Must be set before {@link #start()}.
     */
    @Override
    public final ChildProcess daemon(boolean daemon) {
        requireNotStarted("daemon");
        this.daemon = daemon;
        return this;
    }

    /** Options for the child JVM, such as {@code -Xmx64m} or {@code -Dkey=value}. Before start. */
    public final ChildProcess jvmOptions(String... options) {
        requireNotStarted("jvmOptions");
        this.jvmOptions = List.of(options);
        return this;
    }

    /** The start method for this process; default {@link dev.spindle.Spindle#getStartMethod()}. Before start. */
    public final ChildProcess startMethod(StartMethod method) {
        requireNotStarted("startMethod");
        this.startMethod = Objects.requireNonNull(method, "method");
        return this;
    }

    /**
     * Starts the child JVM and runs this process in it. Returns without waiting for the target
     * (for {@link StartMethod#WARM} the target is already running).
     *
     * @throws IllegalStateException         if started before, called in a daemon child, or if no
     *                                       child JVM can load the target's class (the JDK's source
     *                                       launcher, {@code java File.java}, keeps it in memory)
     * @throws dev.spindle.SerializationException if the target, an argument or a field cannot be
     *                                       sent; no child is left running
     */
    @Override
    public final void start() {
        if (ChildContext.isCurrent(this)) {
            throw new IllegalStateException("cannot start a process from inside itself");
        }
        synchronized (this) {
            requireOpen();
            if (launched != null) {
                throw new IllegalStateException("processes can only be started once: " + name);
            }
            StartMethod method = startMethod != null ? startMethod : Backends.defaultStartMethod();
            boolean plain = getClass() == ChildProcess.class;
            // A subclass, whose fields only it knows, travels as itself inside the target it runs.
            ProcessSpec spec = new ProcessSpec(name, daemon, plain ? target : selfTarget(this), plain ? args : List.of(),
                    jvmOptions, method);
            launched = LaunchedProcess.start(spec, target != null ? target.getClass() : getClass(), this);
            if (plain) {
                launched.onExit().thenRun(this::release);
            }
        }
    }

    private void release() {
        released = true;
        target = null;
        args = List.of();
    }

    /** The target a subclass travels as: in the child, it runs the decoded process's own {@code run()}. */
    private static CheckedRunnable selfTarget(ChildProcess process) {
        return () -> {
            ChildContext.claim(process);
            process.run();
        };
    }

    /** Waits until the process ends. Returns at once if it has ended. */
    @Override
    public final void join() throws InterruptedException {
        started("join").join();
    }

    /**
     * Waits at most {@code timeout} for the process to end.
     *
     * @return true if it has ended
     */
    @Override
    public final boolean join(Duration timeout) throws InterruptedException {
        return started("join").join(timeout);
    }

    /**
     * True from {@code start()} until the child has ended (Python's {@code is_alive}).
     *
     * @throws IllegalStateException once {@link #close() closed}
     */
    @Override
    public final boolean isAlive() {
        requireOpen();
        LaunchedProcess l = launched;
        return l == null ? ChildContext.isCurrent(this) : l.isAlive();
    }

    /** The process id: the child's once started; inside the child, its own. */
    @Override
    public final long pid() {
        if (ChildContext.isCurrent(this)) {
            return ProcessHandle.current().pid();
        }
        return started("pid").pid();
    }

    /**
     * The exit code, or null while the process runs or before it starts: 0 when the target
     * returned, 1 when it threw, n after {@code System.exit(n)}, -N when signal N ended it.
     *
     * @throws IllegalStateException once {@link #close() closed}
     */
    @Override
    public final Integer exitCode() {
        requireOpen();
        LaunchedProcess l = launched;
        return l == null ? null : l.exitCode();
    }

    /**
     * The exception the target threw, as itself: its class, message, causes and the child's stack
     * frames, with a {@link dev.spindle.RemoteTraceback} naming this process attached as a
     * suppressed exception. When its class cannot be re-created here it arrives as a
     * {@link dev.spindle.RemoteException} that keeps the class name. Empty if the target did not
     * throw or the process has not ended.
     *
     * @throws IllegalStateException once {@link #close() closed}
     */
    @Override
    public final Optional<Throwable> failure() {
        requireOpen();
        LaunchedProcess l = launched;
        return l == null ? Optional.empty() : l.failure();
    }

    /**
     * A future that completes with this process once it has ended (like
     * {@link Process#onExit()}); dependent actions run in the thread that saw the end.
     *
     * @throws IllegalStateException if the process has not been started
     */
    @Override
    public final CompletableFuture<ChildProcess> onExit() {
        return started("onExit").onExit().thenApply(ended -> this);
    }

    /** Asks the child to end with SIGTERM (exit code -15). Asynchronous, as in Python. */
    @Override
    public final void terminate() {
        started("terminate").terminate();
    }

    /** Sends the child SIGINT (exit code -2, see {@link BaseProcess#interrupt()}). Asynchronous. */
    @Override
    public final void interrupt() {
        started("interrupt").interrupt();
    }

    /** Ends the child with SIGKILL (exit code -9). Asynchronous. */
    @Override
    public final void kill() {
        started("kill").kill();
    }

    /**
     * The child JVMs started by this JVM that have not ended yet (Python's
     * {@code active_children}): the {@code ChildProcess}es, and the workers of process pools.
     */
    public static List<BaseProcess> activeChildren() {
        return LaunchedProcess.ACTIVE.list();
    }

    /**
     * Lets go of the ended child and of everything this object holds for it (Python's
     * {@code Process.close()}): the child JVM's handle, its exit status and failure, the target and
     * the arguments. Afterwards {@link #start()}, {@link #join()}, {@link #isAlive()},
     * {@link #pid()}, {@link #exitCode()}, {@link #failure()}, {@link #onExit()} and the signals
     * throw {@link IllegalStateException} (Python's {@code ValueError}); {@link #name()},
     * {@link #isDaemon()} and {@code toString()} still answer. A second call does nothing. A
     * process never started may be closed too; it can then not be started.
     *
     * <p>Not {@link AutoCloseable}: closing a running child is an error, not a way to end it.
     *
     * @throws IllegalStateException if the child is still running: {@link #join()},
     *                               {@link #terminate()} or {@link #kill()} it first
     */
    public final synchronized void close() {
        LaunchedProcess l = launched;
        if (l != null && l.isAlive()) {
            throw new IllegalStateException("cannot close a process while it is still running; join(), terminate() or kill() it first: " + name);
        }
        closed = true;
        launched = null;
        release();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("process object is closed: " + name);
        }
    }

    private LaunchedProcess started(String operation) {
        requireOpen();
        LaunchedProcess h = launched;
        if (h == null) {
            throw new IllegalStateException("can only " + operation + " a started process: " + name);
        }
        return h;
    }

    private void requireNotStarted(String what) {
        if (launched != null) {
            throw new IllegalStateException(what + " must be set before start(): " + name);
        }
    }

    @Override
    public String toString() {
        LaunchedProcess h = launched;
        String state = closed ? "closed" : h == null ? "initial" : h.isAlive() ? "started" : "stopped exitcode=" + exitCode();
        return "<" + getClass().getSimpleName() + " name='" + name + "'"
                + (h != null ? " pid=" + h.pid() : "") + " " + state + (daemon ? " daemon" : "") + ">";
    }
}
