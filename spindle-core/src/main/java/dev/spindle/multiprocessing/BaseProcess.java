package dev.spindle.multiprocessing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A process as a {@link dev.spindle.Context} makes it (Python's {@code BaseProcess}): a
 * {@link ChildProcess} — a child JVM — on a process context, a thread of this JVM on
 * {@code Context.threads()} and {@code Context.virtualThreads()} (Python's
 * {@code multiprocessing.dummy.Process}). The same program runs on either by changing the
 * context it takes its processes from.
 *
 * <p>Lifecycle, as in Python: configure ({@link #name}, {@link #daemon}) before {@link #start()};
 * start once; {@link #join()} waits for the end; {@link #exitCode()} is null while running or
 * before the start, 0 when the target returned and 1 when it threw ({@link #failure()} holds what
 * it threw); a child JVM also ends with n after {@code System.exit(n)} and -N when signal N ended
 * it. A non-daemon process keeps this JVM alive until it ends.
 *
 * <p>Memory consistency: everything the process did happens-before the return of a {@code join}
 * that observed its end.
 */
public interface BaseProcess {
    /**
     * The code the process runs: its target with its arguments, unless a subclass overrides it.
     * Calling it directly runs it in the caller, as in Python.
     */
    void run() throws Exception;

    /**
     * Starts the process. Returns without waiting for the target.
     *
     * @throws IllegalStateException if started before, or called in a daemon child process
     */
    void start();

    /** Waits until the process ends; at once if it has ended. */
    void join() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the process to end.
     *
     * @return true if it has ended
     */
    boolean join(Duration timeout) throws InterruptedException;

    /** True from {@code start()} until the process has ended (Python's {@code is_alive}). */
    boolean isAlive();

    /** The OS process id: a child JVM's; this JVM's for a thread. */
    long pid();

    /** The exit code, or null while the process runs or before it starts (see the class comment). */
    Integer exitCode();

    /** What the target threw, once the process has ended; empty if it did not throw. */
    Optional<Throwable> failure();

    /**
     * A future that completes with this process once it has ended.
     *
     * @throws IllegalStateException if the process has not been started
     */
    CompletableFuture<? extends BaseProcess> onExit();

    /**
     * Asks the process to end (SIGTERM for a child JVM, exit code -15). Asynchronous.
     *
     * @throws UnsupportedOperationException for a thread, which Java cannot stop from outside (as
     *                                       Python's {@code dummy.Process} has no {@code terminate});
     *                                       let it end by a flag or an event it checks
     */
    void terminate();

    /**
     * Interrupts the process (Python 3.14's {@code interrupt()}). A child JVM gets SIGINT and
     * ends with exit code -2: Java has no {@code KeyboardInterrupt} to raise in it, so it ends as
     * a Python child without a SIGINT handler does. A thread is interrupted
     * ({@link Thread#interrupt()}): a target that throws {@link InterruptedException} ends with
     * exit code 1, as Python's child that {@code KeyboardInterrupt} ends. Asynchronous; nothing
     * happens once the process has ended.
     *
     * @throws IllegalStateException if the process has not been started
     */
    void interrupt();

    /**
     * Ends the process at once (SIGKILL for a child JVM, exit code -9). Asynchronous.
     *
     * @throws UnsupportedOperationException for a thread, as {@link #terminate()}
     */
    void kill();

    /** The name. */
    String name();

    /** Sets the name (before or after the start, as in Python). Returns this process. */
    BaseProcess name(String name);

    /** Whether this is a daemon process. */
    boolean isDaemon();

    /**
     * Marks the process as a daemon: it does not keep this JVM alive (a child JVM is killed when
     * this JVM exits). Before {@link #start()}. Returns this process.
     */
    BaseProcess daemon(boolean daemon);
}
