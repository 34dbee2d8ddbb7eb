package dev.spindle.multiprocessing;

import dev.spindle.internal.launch.ChildContext;
import dev.spindle.internal.track.ProcessIdentity;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The process that started this child JVM, seen from the child (Python's
 * {@code multiprocessing.parent_process()}): {@link dev.spindle.Spindle#parentProcess()}.
 *
 * <p>Unlike a Python child, a Spindle child ends when its parent dies (see {@link ChildProcess}),
 * so in a child {@link #isAlive()} is true and {@link #join(Duration)} waits out its timeout and
 * returns false, except in the moment between the parent's death and the child's.
 *
 * @see ProcessInfo for this process
 */
public final class ParentProcess {
    private final String name;
    private final ProcessIdentity identity;

    ParentProcess(String name, ProcessIdentity identity) {
        this.name = Objects.requireNonNull(name, "name");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** The parent of this child JVM, or null in a JVM that no Spindle process started (Python's {@code None}). */
    public static ParentProcess ofThisProcess() {
        ProcessIdentity parent = ChildContext.parent();
        return parent == null ? null : new ParentProcess(ChildContext.parentName(), parent);
    }

    /** The parent's name as it knew itself when it started this child: "MainProcess", or its own child name. */
    public String name() {
        return name;
    }

    /** The parent's process id. */
    public long pid() {
        return identity.pid();
    }

    /** Whether the parent still runs (a reused pid is not taken for it). */
    public boolean isAlive() {
        return identity.isAlive();
    }

    /** Waits until the parent has ended. */
    public void join() throws InterruptedException {
        try {
            exit().get();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Waits at most {@code timeout} for the parent to end.
     *
     * @return whether it has ended
     */
    public boolean join(Duration timeout) throws InterruptedException {
        if (!isAlive()) {
            return true;
        }
        try {
            exit().get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !isAlive();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Completes when the parent has gone; at once if it has (or its pid now names another process). */
    private CompletableFuture<?> exit() {
        return ProcessHandle.of(identity.pid()).filter(p -> isAlive())
                .<CompletableFuture<?>>map(ProcessHandle::onExit)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    @Override
    public String toString() {
        return "ParentProcess[" + name + ", pid " + pid() + (isAlive() ? "" : ", ended") + "]";
    }
}
