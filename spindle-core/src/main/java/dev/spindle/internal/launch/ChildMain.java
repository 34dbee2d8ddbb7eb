package dev.spindle.internal.launch;

import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.codec.JvmSerialFilter;
import dev.spindle.internal.nativeio.Native;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.track.ResourceTracker;
import dev.spindle.internal.wire.Wire;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The entry point of every child JVM.
 *
 * <pre>
 * ChildMain REPORT_FILE PARENT_PID MODE DEATH_SIGNAL
 *   1. (warm) ask for SIGKILL when the parent dies (unless the launcher armed it with setpriv);
 *      (warm, train) load, link and JIT-compile the run path (the AOT cache keeps the training's
 *      profiles); (warm) collect the warm-up's garbage, let the JIT settle; report READY
 *   2. read the TARGET frame from stdin; EOF before it means the parent died. (train) Take a
 *      sample target instead, and go on as a child does, so the cache holds that whole path
 *   3. (not train: a training run finishes even after its program has gone) watch stdin on a
 *      daemon thread: EOF later also means the parent died, so halt.
 *      (spawn, not armed) Ask the kernel for the parent-death signal on another thread, off the
 *      critical path: linking FFM costs tens of milliseconds, and stdin already tells of the death
 *   4. run the target; on an exception print it to stderr (as Python does) and report it
 *   5. wait for the other non-daemon threads (Python joins them too), flush, report EXITING(code),
 *      and exit with the code (train: return, so that the JVM writes the cache), leaving daemon
 *      threads where they are, even in native code (see JvmStarter's options). Shutdown hooks
 *      run, as Python's child runs its atexit handlers when its target returns; the JVM does not
 *      wait for non-daemon threads on this path, so a pool worker's stray threads keep no one
 *      waiting (signals end the child at once, without hooks, see -Xrs)
 * </pre>
 * Exit codes follow Python: 0 when the target returned, 1 when it threw, n for System.exit(n).
 * User code that reads System.in sees an empty stream, as with Python's /dev/null.
 */
public final class ChildMain {
    /** The launcher armed the parent-death signal before exec (setpriv). */
    static final String DEATH_SIGNAL_ARMED = "armed";
    /** The child must ask the kernel for the parent-death signal itself. */
    static final String DEATH_SIGNAL_TO_ASK = "ask";
    private static final int SIGKILL = 9;

    private static String reportFile;
    private static OutputStream report;
    /** Set once the parent has been told how we exit: EOF on stdin is then expected. */
    private static volatile boolean exitReported;
    /** False once the target asked to end without waiting for the other non-daemon threads. */
    private static volatile boolean joinUserThreads = true;

    private ChildMain() {}

    /**
     * Called by the running target: when it returns, this JVM ends at once instead of waiting, as
     * Python does, for the other non-daemon threads. A pool worker asks this: threads its tasks
     * left running belong to no one once the pool is done with it, and waiting for them held
     * the pool's {@code close()} until the parent gave up and killed the worker.
     */
    public static void leaveUserThreadsAtEnd() {
        joinUserThreads = false;
    }

    public static void main(String[] args) throws IOException {
        ResourceTracker.coveredByParent();
        reportFile = args[0];
        long parentPid = Long.parseLong(args[1]);
        ChildContext.startedBy(args[4], ProcessIdentity.of(parentPid));
        ChildMode mode = ChildMode.of(args[2]);
        boolean spawned = mode == ChildMode.SPAWN;
        boolean training = mode == ChildMode.TRAIN;
        boolean mustAskForDeathSignal = args[3].equals(DEATH_SIGNAL_TO_ASK);
        if (spawned) {
            JvmSerialFilter.beforeUserCode(); // (not warm: its warm-up loads the application's classes)
        }
        if (!spawned) {
            if (!training) {
                followParent(parentPid, mustAskForDeathSignal);
            }
            LaunchSettings.preloadClasses(args[5]);
            Warmup.prime();
            Warmup.jitWarm(training ? Warmup.TRAINING_ROUNDS : Warmup.JIT_ROUNDS);
            if (!training) {
                Warmup.emptyYoungGeneration();
                Warmup.settle();
            }
            report(ControlFrames.READY, new byte[0]);
        }
        FileInputStream stdin = new FileInputStream(FileDescriptor.in);
        FileChannel parentPipe = stdin.getChannel();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(ChildMain::onShutdown));
        Thread parentWatch = Thread.ofPlatform().daemon().name("spindle-parent-watch")
                .unstarted(() -> haltWhenParentGone(parentPipe));
        // The training run goes down the path every child takes, with a target of its own.
        Wire.Frame target = Wire.readOrNull(training ? Warmup.sampleTarget() : stdin, ControlFrames.MAX_PAYLOAD);
        if (target == null) {
            Runtime.getRuntime().halt(1); // the parent died before sending a target
        }
        System.setIn(new ByteArrayInputStream(new byte[0]));
        if (!training) {
            parentWatch.start(); // a training run finishes even when the program that started it has gone
        }
        if (spawned && mustAskForDeathSignal) {
            Thread.ofPlatform().daemon().name("spindle-parent-death-signal").start(() -> followParent(parentPid, true));
        }
        int code = run(target.payloadBytes());
        if (joinUserThreads) {
            awaitOtherUserThreads();
        }
        System.out.flush();
        System.err.flush();
        report(ControlFrames.EXITING, ByteBuffer.allocate(4).putInt(code).array());
        // From now on EOF on stdin is expected; the watcher stays in its read, which the exit does
        // not wait for (JvmStarter's options).
        exitReported = true;
        if (training) {
            return; // a normal exit, which writes the AOT cache
        }
        // Not halt: the user's shutdown hooks run (Python's atexit). A return from main ends the
        // JVM as exit does once no other non-daemon thread runs, and spares the exit its
        // System.Logger: Runtime.exit asks for one, and the first ask scans every jar on the class
        // path for a logging backend (tens of milliseconds for a few dozen jars). Exit, unlike a
        // return, leaves at once whatever non-daemon threads still run, and sets the code.
        if (code == 0 && otherUserThread() == null) {
            return;
        }
        System.exit(code);
    }

    private static int run(byte[] target) {
        ProcessSpec spec = null;
        try {
            spec = ProcessForm.specFrom(Codec.get().decode(target));
            JvmSerialFilter.userCodeStarts();
            ChildContext.enter(spec);
            Targets.call(spec.target(), spec.arguments());
            return 0;
        } catch (Throwable error) {
            System.err.println("Process " + (spec == null ? "(target not decoded)" : spec.name()) + ":");
            error.printStackTrace();
            report(ControlFrames.OUTCOME_ERROR, ExceptionTransport.encode(error));
            return 1;
        }
    }

    /** Appends one frame to the report file, which the parent reads once this process has ended. */
    private static synchronized void report(byte type, byte[] payload) {
        try {
            if (report == null) {
                report = new FileOutputStream(reportFile, true);
            }
            Wire.write(report, type, payload);
        } catch (IOException e) {
            System.err.println("spindle: cannot write the report file " + reportFile + ": " + e);
        }
    }

    /** Asks the kernel for SIGKILL when the parent dies, unless armed already; halts if it has died. */
    private static void followParent(long parentPid, boolean ask) {
        if (ask) {
            Native.parentDeathSignal(SIGKILL);
        }
        if (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) != parentPid) {
            Runtime.getRuntime().halt(1);
        }
    }

    /** Blocks on stdin, which the parent never writes to again: EOF means it died. */
    private static void haltWhenParentGone(FileChannel parentPipe) {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        try {
            while (parentPipe.read(buffer.clear()) >= 0) {
                // nothing more is expected; keep waiting for EOF
            }
        } catch (IOException e) {
            // broken: same as EOF
        }
        if (!exitReported) {
            Runtime.getRuntime().halt(1);
        }
    }

    /** Joins every live non-daemon thread except this one, as Python joins threads before exiting. */
    private static void awaitOtherUserThreads() {
        for (Thread other = otherUserThread(); other != null; other = otherUserThread()) {
            try {
                other.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A live non-daemon thread other than this one, or null if there is none. */
    private static Thread otherUserThread() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != Thread.currentThread() && !t.isDaemon() && t.isAlive()) {
                return t;
            }
        }
        return null;
    }

    /**
     * Shutdown hook. With {@code -Xrs} signals do not run hooks, so reaching here without having
     * reported means user code called System.exit(n): the OS status n is then the exit code.
     */
    private static void onShutdown() {
        System.out.flush();
        System.err.flush();
        if (!exitReported) {
            exitReported = true;
            report(ControlFrames.EXPLICIT_EXIT, new byte[0]);
        }
    }
}
