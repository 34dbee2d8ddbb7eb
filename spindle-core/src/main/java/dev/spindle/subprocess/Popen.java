package dev.spindle.subprocess;

import dev.spindle.internal.subprocess.ProcessTree;
import dev.spindle.internal.subprocess.SpawnedProcess;
import dev.spindle.internal.subprocess.StreamDrain;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A running program (Python's {@code subprocess.Popen}), made by {@link #builder(List)}:
 * <pre>{@code
 * try (Popen p = Popen.builder(List.of("sort")).stdin(PIPE).stdout(PIPE).start()) {
 *     CompletedProcess done = p.communicate("b\na\n".getBytes(UTF_8), Duration.ofSeconds(5));
 * }
 * }</pre>
 * Its piped streams are {@link #stdin()}, {@link #stdout()} and {@link #stderr()} to use by hand,
 * or {@link #communicate} does it all: it writes the input and reads both outputs at once, each on
 * a thread of its own, so no amount of output deadlocks on a full pipe. {@link #close()} closes the
 * streams and waits for the program, as Python's {@code with Popen(...)} does.
 *
 * <p>Methods may be called from any thread.
 */
@SuppressWarnings("try") // close waits for the program, as Python's __exit__ does, so it may be interrupted
public final class Popen implements AutoCloseable {
    private final List<String> args;
    private final SpawnedProcess process;
    private final boolean pipedStdin;
    private final boolean pipedStdout;
    private final boolean pipedStderr;
    /** Set by the first communicate, which starts the reading and writing the later ones go on with. */
    private Communication communication;

    Popen(List<String> args, SpawnedProcess process, boolean pipedStdin, boolean pipedStdout, boolean pipedStderr) {
        this.args = args;
        this.process = process;
        this.pipedStdin = pipedStdin;
        this.pipedStdout = pipedStdout;
        this.pipedStderr = pipedStderr;
    }

    /** A builder of a program to start: {@code args} is the program and its arguments. */
    public static PopenBuilder builder(List<String> args) {
        return new PopenBuilder(args);
    }

    /**
     * Starts a pipeline: each program's stdout feeds the next one's stdin through an OS pipe, as
     * Python's {@code p2 = Popen(b, stdin=p1.stdout)} with {@code p1.stdout.close()} does (a stage
     * whose reader has ended gets SIGPIPE). The first one's stdin and the last one's stdout go where
     * their builders say; every stderr too. Returns the programs in order: typically
     * {@code stages.getLast().communicate()} reads the result.
     *
     * @throws ProgramNotFoundException if one of the programs does not exist (none is then started)
     */
    public static List<Popen> pipeline(List<PopenBuilder> stages) throws IOException {
        return PopenBuilder.startPipeline(stages);
    }

    /** The command: the program and its arguments. */
    public List<String> args() {
        return args;
    }

    /** The program's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * The program's process, for what this class does not cover ({@code onExit()},
     * {@code toHandle()}); its {@code exitValue()} follows the JDK: 128 + N for signal N.
     */
    public Process process() {
        return process;
    }

    /** The stream to the program's stdin when it is piped; otherwise one that discards. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** The stream from the program's stdout when it is piped; otherwise an empty one. */
    public InputStream stdout() {
        return process.getInputStream();
    }

    /** The stream from the program's stderr when it is piped; otherwise an empty one. */
    public InputStream stderr() {
        return process.getErrorStream();
    }

    /**
     * The exit status if the program has ended, else empty (Python's {@code poll()}): −N if
     * signal N killed it, as Python's {@code returncode}.
     */
    public OptionalInt poll() throws InterruptedException {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.returncode());
    }

    /** Waits for the program to end; its exit status, or −N if signal N killed it (Python's {@code wait()}). */
    public int waitFor() throws InterruptedException {
        return process.returncode();
    }

    /**
     * Waits up to {@code timeout} for the program to end; its exit status (Python's
     * {@code wait(timeout)}). Piped output is not read meanwhile: use {@link #communicate} for that.
     *
     * @throws TimeoutExpired if it is still running (it is not killed)
     */
    public int waitFor(Duration timeout) throws InterruptedException, TimeoutExpired {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutExpired(args, timeout, new byte[0], new byte[0]);
        }
        return process.returncode();
    }

    /** {@link #communicate(byte[], Duration)} with no input and no timeout. */
    public CompletedProcess communicate() throws IOException, InterruptedException {
        return communicate(null, null);
    }

    /**
     * Writes {@code input} (if not null) to the program's stdin and closes it, reads its piped
     * stdout and stderr to their ends, and waits for it to end; all three at once, so a program
     * that writes a lot before it reads, or the other way round, never deadlocks (Python's
     * {@code communicate(input, timeout)}). Returns the exit status and the output; an output
     * that is not piped is empty.
     *
     * <p>Past {@code timeout} (null: none) it throws {@link TimeoutExpired} with the output read so
     * far, and kills nothing; a later call goes on where this one stopped (its input is ignored),
     * and its result holds all the output, that of the timed-out call included.
     *
     * @throws IllegalStateException if there is input but stdin is not piped
     */
    public CompletedProcess communicate(byte[] input, Duration timeout) throws IOException, InterruptedException {
        if (input != null && !pipedStdin) {
            throw new IllegalStateException("input given, but the program's stdin is not piped: build it with stdin(Redirect.PIPE)");
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Communication c = communication(input);
        if (!c.awaitUntil(process, deadline)) {
            throw new TimeoutExpired(args, timeout, c.stdout.soFar(), c.stderr.soFar());
        }
        return new CompletedProcess(args, process.returncode(), c.stdout.all(), c.stderr.all());
    }

    private synchronized Communication communication(byte[] input) {
        if (communication == null) {
            communication = new Communication(input);
        }
        return communication;
    }

    /** Sends SIGTERM to the program (Python's {@code terminate()}); not to the processes it started. */
    public void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL to the program (Python's {@code kill()}); not to the processes it started. */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * Kills the program and every process it started, and theirs (SIGKILL, which none can ignore);
     * processes started while this runs are killed too. This is what a {@link Subprocess#run}
     * timeout does.
     */
    public void killTree() {
        if (process.isAlive()) {
            try {
                ProcessTree.kill(process.toHandle());
            } catch (IllegalStateException endedMeanwhile) {
                // reaped since: nothing of it is left to kill (its children, if any, are init's now)
            }
        }
    }

    /** Closes the piped streams and waits for the program to end (Python's {@code __exit__}). */
    @Override
    public void close() throws IOException, InterruptedException {
        try (OutputStream in = stdin(); InputStream out = stdout(); InputStream err = stderr()) {
            process.waitFor();
        }
    }

    /** The reading and writing of one communicate, which later ones go on with. */
    private final class Communication {
        private final Thread feeder;
        private final StreamDrain stdout;
        private final StreamDrain stderr;

        Communication(byte[] input) {
            String name = "subprocess " + process.pid();
            // a stream that is not piped needs no thread: run(["true"]) starts none
            feeder = pipedStdin ? Thread.ofPlatform().daemon(true).name(name + " stdin").start(() -> feed(input)) : null;
            stdout = pipedStdout ? new StreamDrain(process.getInputStream(), name + " stdout") : StreamDrain.none();
            stderr = pipedStderr ? new StreamDrain(process.getErrorStream(), name + " stderr") : StreamDrain.none();
        }

        private void feed(byte[] input) {
            try (OutputStream in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input);
                }
            } catch (IOException readerGone) {
                // the program closed its stdin or ended without reading all (EPIPE): as Python, not an error
            }
        }

        /** Whether the input was written, both outputs read to their ends and the program ended by {@code deadline}. */
        boolean awaitUntil(Process process, long deadline) throws InterruptedException {
            return (feeder == null || feeder.join(left(deadline))) && stdout.await(left(deadline)) && stderr.await(left(deadline))
                    && ended(process, deadline);
        }

        /** Whether the program ended by {@code deadline}; without one, the waiting thread may reap it itself. */
        private static boolean ended(Process process, long deadline) throws InterruptedException {
            if (deadline == Long.MAX_VALUE) {
                process.waitFor();
                return true;
            }
            return process.waitFor(left(deadline).toNanos(), TimeUnit.NANOSECONDS);
        }

        private static Duration left(long deadline) {
            return deadline == Long.MAX_VALUE ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        }
    }
}
