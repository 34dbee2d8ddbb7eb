package dev.spindle.internal.launch;

import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.track.ActiveProcesses;
import dev.spindle.internal.travel.Journey;
import dev.spindle.multiprocessing.BaseProcess;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM started from a {@link ProcessSpec}: what every started process of a process context
 * is underneath. A {@code ChildProcess} keeps one once started and answers through it; a pool's
 * worker is one itself.
 */
public final class LaunchedProcess implements BaseProcess {
    /** Child JVMs started by this JVM that have not ended: Python's {@code active_children()}. */
    public static final ActiveProcesses ACTIVE = new ActiveProcesses();

    /** What the child runs; null once it has ended, so that its target and arguments can be collected. */
    private volatile ProcessSpec spec;
    private final boolean daemon;
    private final ChildHandle handle;
    private volatile String name;

    private LaunchedProcess(ProcessSpec spec, ChildHandle handle) {
        this.spec = spec;
        this.daemon = spec.daemon();
        this.handle = handle;
        this.name = spec.name();
        handle.exitCode().whenComplete((code, failure) -> this.spec = null);
    }

    /**
     * Starts a child JVM that runs {@code spec}'s target; {@code owner} (null: the launched
     * process itself) is listed in {@link #ACTIVE} until the child ends.
     *
     * @param code the class of the code the child runs, which it must be able to load
     * @throws IllegalStateException if called in a daemon child, or no child JVM can load {@code code}
     * @throws dev.spindle.SerializationException if the target or an argument cannot be sent; no
     *         child is left running
     */
    public static LaunchedProcess start(ProcessSpec spec, Class<?> code, BaseProcess owner) {
        return start(spec, code, owner, "");
    }

    /**
     * As {@link #start(ProcessSpec, Class, BaseProcess)}, with {@code addedClassPath} after
     * everything else on the child's class path ("" for none; see {@link ChildLauncher}).
     */
    public static LaunchedProcess start(ProcessSpec spec, Class<?> code, BaseProcess owner, String addedClassPath) {
        ProcessSpec current = ChildContext.current();
        if (current != null && current.daemon()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children");
        }
        ChildHandle child = Launchers.of(Objects.requireNonNull(spec.startMethod(), "startMethod")).start(spec.jvmOptions(), code, addedClassPath);
        byte[] encoded;
        try {
            // Plain targets and arguments travel in the compact form; anything else as the spec
            // itself, whose field path names what cannot be encoded.
            encoded = ProcessForm.encodePlainly(spec);
            if (encoded == null) {
                encoded = Journey.to(child.identity(), () -> Codec.get().encode(spec));
            }
        } catch (RuntimeException e) {
            child.kill();
            throw e;
        }
        LaunchedProcess launched = new LaunchedProcess(spec, child);
        BaseProcess listed = owner != null ? owner : launched;
        ACTIVE.started(listed);
        child.run(encoded, spec.daemon(), spec.name(), () -> ACTIVE.ended(listed));
        return launched;
    }

    /**
     * Runs the target here, in the caller, as Python's {@code run()} called directly does.
     *
     * @throws IllegalStateException once the child has ended: the target has been released
     */
    @Override
    public void run() throws Exception {
        ProcessSpec running = spec;
        if (running == null) {
            throw new IllegalStateException("the target of " + name + " was released when its child ended");
        }
        Targets.call(running.target(), running.arguments());
    }

    @Override
    public void start() {
        throw new IllegalStateException("processes can only be started once: " + name);
    }

    @Override
    public void join() throws InterruptedException {
        try {
            handle.exitCode().get();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        try {
            handle.exitCode().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean isAlive() {
        return !handle.exitCode().isDone();
    }

    @Override
    public long pid() {
        return handle.pid();
    }

    @Override
    public Integer exitCode() {
        return handle.exitCode().getNow(null);
    }

    /** The exception the target threw, as itself with a {@code RemoteTraceback} attached, once ended. */
    @Override
    public Optional<Throwable> failure() {
        return handle.exitCode().isDone() ? Optional.ofNullable(handle.failure()) : Optional.empty();
    }

    @Override
    public CompletableFuture<LaunchedProcess> onExit() {
        return handle.exitCode().thenApply(code -> this);
    }

    @Override
    public void terminate() {
        handle.terminate();
    }

    @Override
    public void interrupt() {
        handle.interrupt();
    }

    @Override
    public void kill() {
        handle.kill();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LaunchedProcess name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    @Override
    public boolean isDaemon() {
        return daemon;
    }

    @Override
    public LaunchedProcess daemon(boolean daemon) {
        throw new IllegalStateException("daemon must be set before start(): " + name);
    }

    @Override
    public String toString() {
        String state = isAlive() ? "started" : "stopped exitcode=" + exitCode();
        return "<Process name='" + name + "' pid=" + pid() + " " + state + (isDaemon() ? " daemon" : "") + ">";
    }
}
