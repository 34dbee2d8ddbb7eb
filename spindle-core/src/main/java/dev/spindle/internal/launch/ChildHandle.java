package dev.spindle.internal.launch;

import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.track.ProcessIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The parent's side of one child JVM: the OS process, its control connection, and a watcher
 * thread that sends the target, collects the child's reports and, once the process has ended,
 * settles its Python-style exit code.
 *
 * <p>Exit code rules: the code the child reported (EXITING) if any; else the OS status if user
 * code called System.exit (EXPLICIT_EXIT); else a status of 128+N, which the JVM uses both for
 * death by signal N and for a shutdown begun by signal N, becomes -N; else the status itself.
 */
public final class ChildHandle {
    private static final int SIGNAL_BASE = 128;
    private static final int MAX_SIGNAL = 64;

    private final Process process;
    private final ProcessIdentity identity;
    private final CompletableFuture<ControlChannel> connection;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private volatile Throwable failure;
    private volatile boolean explicitExit;
    private volatile Integer reportedCode;

    ChildHandle(Process process, ProcessIdentity identity, CompletableFuture<ControlChannel> connection) {
        this.process = process;
        this.identity = identity;
        this.connection = connection;
        // A child that dies before it connects must not leave its watcher waiting.
        process.onExit().thenRun(() -> connection.completeExceptionally(new IOException("child exited before connecting")));
    }

    /** Starts a fresh JVM (the SPAWN start method). */
    public static ChildHandle spawn(List<String> jvmOptions) {
        return fromLaunch(Launcher.launch(jvmOptions, false));
    }

    /** Takes a pre-started idle JVM (the WARM start method), starting one if none is ready. */
    public static ChildHandle warm(List<String> jvmOptions) {
        return WarmPool.take(jvmOptions);
    }

    static ChildHandle fromLaunch(Launcher.Launched launched) {
        return new ChildHandle(launched.process(), launched.identity(), launched.connection());
    }

    /** True once the child has connected (a warm child ready for a target). */
    boolean connected() {
        return connection.isDone() && !connection.isCompletedExceptionally();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessIdentity identity() {
        return identity;
    }

    /**
     * Sends the encoded target as soon as the child is connected and watches it until it ends.
     * The watcher is a daemon thread only for daemon children: a non-daemon child keeps the
     * parent JVM alive, as in Python.
     */
    public void run(byte[] target, boolean daemon, String name, Consumer<ChildHandle> onExit) {
        Thread.ofPlatform().daemon(daemon).name("spindle-watch-" + name).start(() -> {
            watch(target);
            onExit.accept(this);
        });
    }

    private void watch(byte[] target) {
        ControlChannel control = null;
        try {
            control = connection.join();
            control.write(ControlChannel.TARGET, target);
            while (true) {
                ControlChannel.Frame frame = control.read();
                switch (frame.type()) {
                    case ControlChannel.OUTCOME_ERROR -> failure = ExceptionTransport.decode(frame.payload());
                    case ControlChannel.EXPLICIT_EXIT -> explicitExit = true;
                    case ControlChannel.EXITING -> reportedCode = ByteBuffer.wrap(frame.payload()).getInt();
                    default -> { } // OUTCOME_OK: nothing to keep
                }
            }
        } catch (IOException | RuntimeException endOfChild) {
            // EOF: the child has exited or is about to
        } finally {
            if (control != null) {
                control.close();
            }
        }
        exitCode.complete(settleExitCode(awaitExit()));
    }

    private int awaitExit() {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // the watcher must outlive interrupts: the exit code is owed to joiners
            }
        }
    }

    private int settleExitCode(int status) {
        if (reportedCode != null) {
            return reportedCode;
        }
        if (!explicitExit && status > SIGNAL_BASE && status <= SIGNAL_BASE + MAX_SIGNAL) {
            return -(status - SIGNAL_BASE);
        }
        return status;
    }

    /** Completes with the exit code once the child has ended. */
    public CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    /** The exception the target threw, or null. Final once {@link #exitCode()} is done. */
    public Throwable failure() {
        return failure;
    }

    /** Sends SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Kills the child and waits up to {@code millis} for the OS to reap it. */
    void killAndReap(long millis) {
        kill();
        try {
            process.onExit().get(millis, TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // best effort at exit
        }
    }

    boolean isProcessAlive() {
        return process.isAlive();
    }
}
