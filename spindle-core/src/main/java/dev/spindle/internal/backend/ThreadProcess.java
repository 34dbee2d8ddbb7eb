package dev.spindle.internal.backend;

import dev.spindle.internal.launch.Targets;
import dev.spindle.internal.track.ActiveProcesses;
import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.multiprocessing.BaseProcess;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process of a threads context: a thread of this JVM with a process's API (Python's
 * {@code multiprocessing.dummy.Process}). Its exit code is 0 when the target returned and 1 when
 * it threw, whose exception {@link #failure()} holds and which is printed to standard error as a
 * child's would be. It cannot be terminated or killed: Java stops no thread from outside.
 */
public final class ThreadProcess implements BaseProcess, StaysInProcess {
    /** The thread processes started and not ended: {@code multiprocessing.dummy.active_children()}. */
    public static final ActiveProcesses ACTIVE = new ActiveProcesses();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Object target;
    private final List<Object> arguments;
    private final boolean virtual;
    private final CompletableFuture<ThreadProcess> ended = new CompletableFuture<>();
    private volatile String name = "ThreadProcess-" + COUNTER.incrementAndGet();
    private volatile boolean daemon;
    private Thread thread;
    private volatile Integer exitCode;
    private volatile Throwable failure;

    /** A process that will run {@code target} with {@code arguments} in a new platform or virtual thread. */
    public ThreadProcess(Object target, List<?> arguments, boolean virtual) {
        this.target = Objects.requireNonNull(target, "target");
        this.arguments = Targets.copyOf(arguments);
        this.virtual = virtual;
    }

    @Override
    public void run() throws Exception {
        Targets.call(target, arguments);
    }

    /**
     * Starts the thread. A virtual thread never keeps the JVM alive, whatever {@link #daemon} says.
     *
     * @throws IllegalStateException if started before
     */
    @Override
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("processes can only be started once: " + name);
        }
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon(daemon);
        thread = builder.name(name).unstarted(this::runToTheEnd);
        ACTIVE.started(this);
        thread.start();
    }

    private void runToTheEnd() {
        int code = 0;
        try {
            run();
        } catch (Throwable error) {
            failure = error;
            code = 1;
            System.err.println("Process " + name + ":");
            error.printStackTrace();
        } finally {
            exitCode = code;
            ACTIVE.ended(this);
            ended.complete(this);
        }
    }

    @Override
    public void join() throws InterruptedException {
        started("join").join();
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        return started("join").join(timeout.isNegative() ? Duration.ZERO : timeout);
    }

    @Override
    public boolean isAlive() {
        return isStarted() && !ended.isDone();
    }

    /** This JVM's process id: the thread runs in it. */
    @Override
    public long pid() {
        started("pid");
        return ProcessHandle.current().pid();
    }

    @Override
    public Integer exitCode() {
        return exitCode;
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public CompletableFuture<ThreadProcess> onExit() {
        started("onExit");
        return ended.thenApply(process -> process);
    }

    /** @throws UnsupportedOperationException always: Java stops no thread from outside */
    @Override
    public void terminate() {
        throw cannotStop("terminated");
    }

    /** Interrupts the thread: Java's way to ask a thread to stop, which its target may heed. */
    @Override
    public void interrupt() {
        started("interrupt").interrupt();
    }

    /** @throws UnsupportedOperationException always: Java stops no thread from outside */
    @Override
    public void kill() {
        throw cannotStop("killed");
    }

    private UnsupportedOperationException cannotStop(String how) {
        return new UnsupportedOperationException(name + " is a thread of a threads context, which cannot be " + how
                + " (as Python's multiprocessing.dummy has no terminate); let it end by a flag or an Event it checks");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized ThreadProcess name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        if (thread != null) {
            thread.setName(name);
        }
        return this;
    }

    @Override
    public boolean isDaemon() {
        return daemon;
    }

    @Override
    public synchronized ThreadProcess daemon(boolean daemon) {
        if (thread != null) {
            throw new IllegalStateException("daemon must be set before start(): " + name);
        }
        this.daemon = daemon;
        return this;
    }

    private synchronized boolean isStarted() {
        return thread != null;
    }

    private synchronized Thread started(String operation) {
        if (thread == null) {
            throw new IllegalStateException("can only " + operation + " a started process: " + name);
        }
        return thread;
    }

    @Override
    public String toString() {
        String state = !isStarted() ? "initial" : isAlive() ? "started" : "stopped exitcode=" + exitCode;
        return "<ThreadProcess name='" + name + "' " + state + (daemon ? " daemon" : "") + ">";
    }
}
