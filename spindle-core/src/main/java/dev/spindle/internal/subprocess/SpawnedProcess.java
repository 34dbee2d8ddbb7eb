package dev.spindle.internal.subprocess;

import dev.spindle.internal.nativeio.Native;
import dev.spindle.internal.nativeio.SocketCalls;
import dev.spindle.internal.nativeio.SpawnCalls;
import dev.spindle.internal.nativeio.SpawnCalls.Stream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A program started by {@link SpawnCalls#spawn} (one clone, one exec: about twice as fast as the
 * JDK's launch through its helper), as a {@link Process}. A platform thread that waits for it
 * without a timeout reaps it itself, watching its pid descriptor in slices so that an interrupt is
 * seen; any other wait (a timed one, a virtual thread's, {@link #onExit()}) hands the reaping to a
 * thread of a pool kept for them, and so does a program nobody waits for within
 * {@link #WAITER_GRACE_MILLIS}: no program is left a zombie.
 * Piped ends are reopened as JDK file streams through
 * {@code /proc/self/fd}, so a virtual thread blocked reading one leaves its carrier to the others,
 * as with the JDK's own process streams.
 *
 * <p>{@link #exitValue()} follows the JDK (128 + N for a program killed by signal N);
 * {@link #returncode()} follows Python (−N).
 */
public final class SpawnedProcess extends Process {
    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;
    private static final ExecutorService REAPERS = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("spindle-subprocess-reaper-", 0).daemon(true).factory());
    /** How long a program may go without a waiter before a reaper is started for it. */
    private static final long WAITER_GRACE_MILLIS = 50;
    /** Programs not yet reaped nor with a reaper, looked at by {@link #sweepUnwaited()}. */
    private static final Queue<SpawnedProcess> UNWAITED = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean SWEEPING = new AtomicBoolean();
    /** How long a waiting thread watches the program before it looks at its interrupt status. */
    private static final int INTERRUPT_CHECK_MILLIS = 50;

    private final int pid;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    /** The wait status, once reaped. */
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    /** Set by the one thread that reaps it: a waiter, or a reaper. */
    private final AtomicBoolean reaperChosen = new AtomicBoolean();
    private final long started = System.nanoTime();

    private SpawnedProcess(int pid, OutputStream stdin, InputStream stdout, InputStream stderr) {
        this.pid = pid;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        UNWAITED.add(this);
        if (SWEEPING.compareAndSet(false, true)) {
            Thread.ofPlatform().name("spindle-subprocess-sweeper").daemon(true).start(SpawnedProcess::sweepUnwaited);
        }
    }

    /**
     * Every {@link #WAITER_GRACE_MILLIS}, starts a reaper for each program that has had no waiter
     * for that long; ends when no program is left to look at. A queue and a sleeping thread, as
     * a timer per program would wake a thread at every start.
     */
    private static void sweepUnwaited() {
        while (true) {
            try {
                Thread.sleep(WAITER_GRACE_MILLIS);
            } catch (InterruptedException e) {
                // a daemon nobody interrupts; go on sweeping
            }
            long graceStart = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(WAITER_GRACE_MILLIS);
            for (SpawnedProcess process = UNWAITED.peek(); process != null && process.started - graceStart <= 0;
                    process = UNWAITED.peek()) {
                UNWAITED.poll();
                process.reapInBackground();
            }
            if (UNWAITED.isEmpty()) {
                SWEEPING.set(false);
                if (UNWAITED.isEmpty() || !SWEEPING.compareAndSet(false, true)) {
                    return; // a program added meanwhile has its own sweeper, or will start one
                }
            }
        }
    }

    /** Reaps on a pool thread, unless a thread reaps already. */
    private void reapInBackground() {
        if (reaperChosen.compareAndSet(false, true)) {
            REAPERS.execute(() -> status.complete(SpawnCalls.waitFor(pid)));
        }
    }

    /**
     * Reaps on this thread: watches the pid descriptor in slices, looking at the interrupt status
     * between them; on an interrupt, a reaper takes over.
     */
    private void reapHere() throws InterruptedException {
        int watched;
        try {
            watched = SpawnCalls.pidDescriptor(pid);
        } catch (IOException e) {
            status.complete(SpawnCalls.waitFor(pid)); // cannot watch: a plain wait, as the JDK's reaper does
            return;
        }
        try {
            while (true) {
                if (SocketCalls.pollReadable(new int[] {watched}, INTERRUPT_CHECK_MILLIS) >= 0) {
                    status.complete(SpawnCalls.waitFor(pid));
                    return;
                }
                if (Thread.interrupted()) {
                    REAPERS.execute(() -> status.complete(SpawnCalls.waitFor(pid)));
                    throw new InterruptedException();
                }
            }
        } catch (IOException e) {
            REAPERS.execute(() -> status.complete(SpawnCalls.waitFor(pid)));
        } finally {
            SocketCalls.close(watched);
        }
    }

    /**
     * What to start: the program and its arguments, where its three streams go (a {@code PIPE}
     * gives this side a stream), whether stderr goes where stdout goes, where it runs (null: here)
     * and its whole environment (null: this process's).
     */
    public record Spec(List<String> args, Redirect stdin, Redirect stdout, Redirect stderr, boolean stderrToStdout,
                       String directory, Map<String, String> environment) {}

    /** Starts {@code spec}. */
    public static SpawnedProcess start(Spec spec) throws IOException {
        return startPipeline(List.of(spec)).getFirst();
    }

    /**
     * Starts the stages, each one's stdout connected to the next one's stdin by a pipe whatever
     * their specs say; when one cannot start, those started are killed and reaped.
     */
    public static List<SpawnedProcess> startPipeline(List<Spec> stages) throws IOException {
        List<SpawnedProcess> started = new ArrayList<>();
        int previousOutput = -1;
        try {
            for (int i = 0; i < stages.size(); i++) {
                int[] link = i < stages.size() - 1 ? SpawnCalls.pipe() : null;
                try {
                    started.add(spawn(stages.get(i), previousOutput, link == null ? -1 : link[1]));
                } finally {
                    closeIfOpen(previousOutput);
                    if (link != null) {
                        SocketCalls.close(link[1]);
                    }
                }
                previousOutput = link == null ? -1 : link[0];
            }
            return List.copyOf(started);
        } catch (IOException | RuntimeException e) {
            closeIfOpen(previousOutput);
            for (SpawnedProcess process : started) {
                process.destroyForcibly();
                process.waitForUninterruptibly();
            }
            throw e;
        }
    }

    private static void closeIfOpen(int fd) {
        if (fd >= 0) {
            SocketCalls.close(fd);
        }
    }

    /** One stage: stdin from {@code inputFd} and stdout to {@code outputFd} when they are not -1. */
    private static SpawnedProcess spawn(Spec spec, int inputFd, int outputFd) throws IOException {
        Ends in = inputFd >= 0 ? Ends.given(inputFd) : Ends.of(spec.stdin(), true);
        Ends out = null;
        Ends err = null;
        try {
            out = outputFd >= 0 ? Ends.given(outputFd) : Ends.of(spec.stdout(), false);
            err = spec.stderrToStdout() ? Ends.given(-1) : Ends.of(spec.stderr(), false);
            List<Optional<Stream>> streams = List.of(in.child(), out.child(),
                    spec.stderrToStdout() ? Optional.of(new Stream.Duplicate(1)) : err.child());
            List<String> environment = spec.environment() == null ? null
                    : spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
            String program = ProgramLookup.resolve(spec.args().getFirst());
            int pid = SpawnCalls.spawn(program, spec.args(), streams, spec.directory(), environment);
            return new SpawnedProcess(pid, in.writer(), out.reader(), err.reader());
        } catch (IOException | RuntimeException e) {
            for (Ends ends : new Ends[] {in, out, err}) {
                if (ends != null) {
                    ends.closeOurs();
                }
            }
            throw e;
        } finally {
            for (Ends ends : new Ends[] {in, out, err}) {
                if (ends != null) {
                    ends.closeChilds();
                }
            }
        }
    }

    /** One standard stream: the child's side (a file action) and, when piped, this side's stream. */
    private record Ends(Optional<Stream> child, int childFd, java.io.Closeable ours) {
        static Ends given(int fd) {
            return new Ends(fd < 0 ? Optional.empty() : Optional.of(new Stream.Duplicate(fd)), -1, null);
        }

        static Ends of(Redirect redirect, boolean input) throws IOException {
            return switch (redirect.type()) {
                case INHERIT -> new Ends(Optional.empty(), -1, null);
                case READ -> new Ends(Optional.of(new Stream.OpenFile(redirect.file().getPath(), false, false)), -1, null);
                case WRITE -> new Ends(Optional.of(new Stream.OpenFile(redirect.file().getPath(), true, false)), -1, null);
                case APPEND -> new Ends(Optional.of(new Stream.OpenFile(redirect.file().getPath(), true, true)), -1, null);
                case PIPE -> piped(input);
            };
        }

        /** A pipe; this side's end reopened as a JDK stream while both ends are open (a FIFO's open would wait for the other). */
        private static Ends piped(boolean input) throws IOException {
            int[] pipe = SpawnCalls.pipe();
            int childFd = input ? pipe[0] : pipe[1];
            int ourFd = input ? pipe[1] : pipe[0];
            try {
                String path = "/proc/self/fd/" + ourFd;
                java.io.Closeable ours = input ? new FileOutputStream(path) : new FileInputStream(path);
                return new Ends(Optional.of(new Stream.Duplicate(childFd)), childFd, ours);
            } catch (IOException | RuntimeException e) {
                SocketCalls.close(childFd);
                throw e;
            } finally {
                SocketCalls.close(ourFd);
            }
        }

        OutputStream writer() {
            return ours instanceof OutputStream out ? out : OutputStream.nullOutputStream();
        }

        InputStream reader() {
            return ours instanceof InputStream in ? in : InputStream.nullInputStream();
        }

        void closeChilds() {
            closeIfOpen(childFd);
        }

        void closeOurs() {
            try {
                if (ours != null) {
                    ours.close();
                }
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return stdout;
    }

    @Override
    public InputStream getErrorStream() {
        return stderr;
    }

    @Override
    public int waitFor() throws InterruptedException {
        return javaExitValue(status());
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        reapInBackground();
        try {
            status.get(timeout, unit);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The wait status: reaped here when this is a platform thread and nobody reaps it yet. */
    private int status() throws InterruptedException {
        if (!status.isDone()) {
            if (!Thread.currentThread().isVirtual() && reaperChosen.compareAndSet(false, true)) {
                reapHere();
            } else {
                reapInBackground();
            }
        }
        try {
            return status.get();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void waitForUninterruptibly() {
        reapInBackground();
        status.join();
    }

    /** Python's {@code returncode} once the program has ended: its exit status, or −N if signal N killed it. */
    public int returncode() throws InterruptedException {
        int raw = status();
        int signal = raw & 0x7f;
        return signal == 0 ? (raw >> 8) & 0xff : -signal;
    }

    @Override
    public int exitValue() {
        Integer raw = status.getNow(null);
        if (raw == null) {
            throw new IllegalThreadStateException("process " + pid + " has not exited");
        }
        return javaExitValue(raw);
    }

    private static int javaExitValue(int raw) {
        int signal = raw & 0x7f;
        return signal == 0 ? (raw >> 8) & 0xff : 0x80 + signal;
    }

    @Override
    public void destroy() {
        signal(SIGTERM);
    }

    @Override
    public Process destroyForcibly() {
        signal(SIGKILL);
        return this;
    }

    /** Signals the program unless it has been reaped (its pid may then be another process's). */
    private void signal(int signal) {
        if (!status.isDone()) {
            Native.signal(pid, signal);
        }
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    /** Whether it runs; a program that has ended is reaped by a reaper thread, so this turns false soon after. */
    @Override
    public boolean isAlive() {
        if (!status.isDone()) {
            reapInBackground();
        }
        return !status.isDone();
    }

    @Override
    public long pid() {
        return pid;
    }

    /**
     * The program's handle while it lives.
     *
     * @throws IllegalStateException once it has been reaped: its pid may be another process's
     */
    @Override
    public ProcessHandle toHandle() {
        return ProcessHandle.of(pid).filter(h -> !status.isDone())
                .orElseThrow(() -> new IllegalStateException("process " + pid + " has ended"));
    }

    @Override
    public CompletableFuture<Process> onExit() {
        reapInBackground();
        return status.thenApply(ended -> this);
    }

    @Override
    public String toString() {
        Integer raw = status.getNow(null);
        return "SpawnedProcess[pid=" + pid + ", " + (raw == null ? "running" : "exitValue=" + javaExitValue(raw)) + "]";
    }
}
