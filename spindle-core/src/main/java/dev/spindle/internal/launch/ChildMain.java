package dev.spindle.internal.launch;

import dev.spindle.internal.codec.Codec;
import dev.spindle.internal.codec.ExceptionTransport;
import dev.spindle.internal.nativeio.Native;
import dev.spindle.multiprocessing.ChildProcess;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The entry point of every child JVM.
 *
 * <pre>
 * ChildMain SOCKET PARENT_PID MODE      (token in $SPINDLE_TOKEN)
 *   1. ask for SIGKILL when the parent dies; quit if it already has
 *   2. (warm) load and link the decode path now, while idle
 *   3. connect, send HELLO(token), wait for TARGET; EOF before it means the parent died
 *   4. watch the socket on a daemon thread: EOF later also means the parent died, so halt
 *   5. run the target; report OUTCOME_OK or OUTCOME_ERROR (the traceback also goes to stderr)
 *   6. wait for the other non-daemon threads (Python joins them too), flush, EXITING(code), exit
 * </pre>
 * Exit codes follow Python: 0 when the target returned, 1 when it threw, n for System.exit(n).
 */
public final class ChildMain {
    static final String MODE_SPAWN = "spawn";
    static final String MODE_WARM = "warm";
    static final String MODE_TRAIN = "train";
    private static final int SIGKILL = 9;

    /** Set once the parent has been told how we exit: EOF on the socket is then expected. */
    private static volatile boolean exitReported;

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[1]);
        Native.parentDeathSignal(SIGKILL);
        if (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) != parentPid) {
            Runtime.getRuntime().halt(1); // the parent died before we asked to follow it
        }
        if (!args[2].equals(MODE_SPAWN)) {
            Warmup.prime();
            if (args[2].equals(MODE_TRAIN)) {
                return;
            }
        }
        SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])));
        ControlChannel control = new ControlChannel(socket);
        control.write(ControlChannel.HELLO, System.getenv(Launcher.TOKEN_ENV).getBytes(StandardCharsets.UTF_8));
        ControlChannel.Frame target;
        try {
            target = control.read();
        } catch (IOException parentGone) {
            Runtime.getRuntime().halt(1);
            return;
        }
        Thread.ofPlatform().daemon().name("spindle-parent-watch").start(() -> haltWhenParentGone(socket));
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> onShutdown(control)));
        int code = run(target.payload(), control);
        awaitOtherUserThreads();
        System.out.flush();
        System.err.flush();
        control.write(ControlChannel.EXITING, ByteBuffer.allocate(4).putInt(code).array());
        exitReported = true;
        System.exit(code);
    }

    private static int run(byte[] target, ControlChannel control) throws IOException {
        ChildProcess process = null;
        try {
            process = (ChildProcess) Codec.get().decode(target);
            ChildContext.enter(process);
            process.run();
            control.write(ControlChannel.OUTCOME_OK);
            return 0;
        } catch (Throwable error) {
            System.err.println("Process " + (process == null ? "(target not decoded)" : process.name()) + ":");
            error.printStackTrace();
            control.write(ControlChannel.OUTCOME_ERROR, ExceptionTransport.encode(error));
            return 1;
        }
    }

    /** Blocks on the control socket, which the parent never writes to again: EOF means it died. */
    private static void haltWhenParentGone(SocketChannel socket) {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        try {
            while (socket.read(buffer.clear()) >= 0) {
                // nothing is expected; keep waiting for EOF
            }
        } catch (IOException e) {
            // same as EOF
        }
        if (!exitReported) {
            Runtime.getRuntime().halt(1);
        }
    }

    /** Joins every live non-daemon thread except this one, as Python joins threads before exiting. */
    private static void awaitOtherUserThreads() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (true) {
            Thread[] threads = new Thread[group.activeCount() + 8];
            int n = group.enumerate(threads, true);
            Thread other = null;
            for (int i = 0; i < n && other == null; i++) {
                Thread t = threads[i];
                if (t != Thread.currentThread() && !t.isDaemon() && t.isAlive()) {
                    other = t;
                }
            }
            if (other == null) {
                return;
            }
            try {
                other.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Shutdown hook: flushes, tells the parent whether the exit was explicit, and closes the
     * socket. Closing matters for speed: HotSpot's exit waits up to 300 ms for threads blocked in
     * native code, such as the parent watcher in its socket read.
     */
    private static void onShutdown(ControlChannel control) {
        System.out.flush();
        System.err.flush();
        if (!exitReported) {
            reportExplicitExit(control);
            exitReported = true;
        }
        control.close();
    }

    /**
     * If user code called System.exit(n), the OS exit status is n and must be taken as it is; if a
     * signal started the shutdown (the JVM then exits with 128+signal), the parent reports
     * -signal as Python does. The thread that began the shutdown tells which.
     */
    private static void reportExplicitExit(ControlChannel control) {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            boolean exiting = false;
            boolean bySignal = false;
            for (StackTraceElement frame : stack) {
                exiting |= frame.getClassName().equals("java.lang.Shutdown") && frame.getMethodName().equals("exit");
                bySignal |= frame.getClassName().startsWith("java.lang.Terminator");
            }
            if (exiting && !bySignal) {
                try {
                    control.write(ControlChannel.EXPLICIT_EXIT);
                } catch (IOException parentGone) {
                    // nobody left to tell
                }
                return;
            }
        }
    }
}
