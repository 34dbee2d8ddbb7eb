package dev.spindle.internal.launch;

import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.nativeio.Native;
import dev.spindle.internal.pipe.PipeEnd;
import dev.spindle.internal.shm.SegmentSweeper;
import dev.spindle.internal.track.AtExit;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.wire.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parent's side of one child JVM: the OS process, the pipe to its stdin, its report file,
 * and a watcher thread that sends the target, waits for the process to end, reads its reports
 * and settles its Python-style exit code.
 *
 * <p>Exit code rules: the code the child reported (EXITING) if any; else the OS status if user
 * code called System.exit (EXPLICIT_EXIT); else a status of 128+N, which is how the JDK reports
 * death by signal N, becomes -N; else the status itself.
 */
public final class ChildHandle {
    private static final int SIGNAL_BASE = 128;
    private static final int SIGINT = 2;
    private static final int MAX_SIGNAL = 64;

    /** Daemon children still running: terminated when this JVM exits, as Python does. */
    private static final Set<ChildHandle> DAEMONS = ConcurrentHashMap.newKeySet();

    static {
        AtExit.register(AtExit.Phase.CHILDREN, () -> {
            DAEMONS.forEach(ChildHandle::terminate);
            DAEMONS.forEach(child -> child.reap(1000));
        });
    }

    private final JvmStarter.Launched launched;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private volatile Throwable failure;

    ChildHandle(JvmStarter.Launched launched) {
        this.launched = launched;
    }

    /** The pids of the idle WARM children, which live on purpose until taken or until exit. */
    public static List<Long> idleWarmPids() {
        return WarmPool.idlePids();
    }

    public long pid() {
        return launched.process().pid();
    }

    public ProcessIdentity identity() {
        return launched.identity();
    }

    /**
     * Sends the encoded target down the child's stdin and watches the child until it ends;
     * {@code onExit} runs before {@link #exitCode()} completes. The watcher is a daemon thread
     * only for daemon children: a non-daemon child keeps the parent JVM alive, as in Python.
     */
    public void run(byte[] target, boolean daemon, String name, Runnable onExit) {
        if (daemon) {
            DAEMONS.add(this);
        }
        Thread.ofPlatform().daemon(daemon).name("spindle-watch-" + name).start(() -> {
            int code = watch(target, name);
            // Bookkeeping first: whoever join() wakes must find the child gone from every list.
            DAEMONS.remove(this);
            onExit.run();
            exitCode.complete(code);
        });
    }

    /** Sends the target, waits for the end, and returns the exit code. */
    private int watch(byte[] target, String name) {
        Process process = launched.process();
        try {
            Wire.write(process.getOutputStream(), ControlFrames.TARGET, target);
        } catch (IOException childGone) {
            // it died before reading its target; its exit status tells how
        }
        int status = awaitExit();
        launched.output().drain(); // its last prints come before join() returns
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is already broken
        }
        int code = readReports(status, name);
        PipeEnd.reclaimAbandoned(identity());
        SegmentSweeper.removeLeftBy(identity(), PipeEnd.KIND); // what it made went with it, as its tracker would sweep
        return code;
    }

    private int awaitExit() {
        while (true) {
            try {
                return launched.process().waitFor();
            } catch (InterruptedException e) {
                // the watcher must outlive interrupts: the exit code is owed to joiners
            }
        }
    }

    private int readReports(int status, String name) {
        Integer reported = null;
        boolean explicitExit = false;
        try (InputStream in = Files.newInputStream(launched.report())) {
            Wire.Frame frame;
            while ((frame = Wire.readOrNull(in, ControlFrames.MAX_PAYLOAD)) != null) {
                switch (frame.type()) {
                    case ControlFrames.OUTCOME_ERROR -> failure = ExceptionTransport.decode(frame.payloadBytes(), name, pid());
                    case ControlFrames.EXPLICIT_EXIT -> explicitExit = true;
                    case ControlFrames.EXITING -> reported = frame.payload().getInt();
                    default -> { } // READY
                }
            }
        } catch (IOException | RuntimeException noOrTornReport) {
            // killed before reporting, or while writing: the OS status decides
        }
        try {
            Files.deleteIfExists(launched.report());
        } catch (IOException ignored) {
            // the folder is removed at exit anyway
        }
        if (reported != null) {
            return reported;
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

    /**
     * The exception the target threw (its own class when it can be re-created here, with a
     * {@code RemoteTraceback} attached), or null. Final once {@link #exitCode()} is done.
     */
    public Throwable failure() {
        return failure;
    }

    /**
     * Sends SIGTERM. Through the ProcessHandle: {@code Process.destroy()} would also close the
     * child's stdin, which the child takes for its parent's death and halts with code 1.
     */
    public void terminate() {
        launched.process().toHandle().destroy();
    }

    /** Sends SIGINT, unless the child has ended (its pid may then be another process's). */
    public void interrupt() {
        if (launched.process().isAlive()) {
            Native.signal(pid(), SIGINT);
        }
    }

    /** Sends SIGKILL. */
    public void kill() {
        launched.process().toHandle().destroyForcibly();
    }

    /** True once a warm child has reported that it is primed and waiting. */
    boolean ready() {
        try {
            return Files.size(launched.report()) > 0;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Kills the child and waits up to {@code millis} for the OS to reap it. */
    void killAndReap(long millis) {
        kill();
        reap(millis);
    }

    private void reap(long millis) {
        try {
            launched.process().onExit().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            System.getLogger(ChildHandle.class.getName()).log(System.Logger.Level.WARNING,
                    "child pid " + launched.process().pid() + " was killed but not reaped within " + millis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isProcessAlive() {
        return launched.process().isAlive();
    }
}
