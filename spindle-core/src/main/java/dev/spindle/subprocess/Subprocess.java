package dev.spindle.subprocess;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Python's {@code subprocess.run} and {@code call}: run a program to its end.
 * <pre>{@code
 * CompletedProcess done = Subprocess.run(List.of("ls", "-l"), RunOptions.defaults().captureOutput().check());
 * System.out.println(done.stdoutText());
 * }</pre>
 * There is no shell: the first argument is the program (looked up on {@code PATH} unless it
 * contains a slash), the others are passed to it as they are. For a shell command line, run
 * {@code List.of("sh", "-c", line)}.
 */
public final class Subprocess {
    /**
     * How long, after a timeout has killed a program's tree, its output is still read: a process
     * that left the tree earlier may hold the pipes open, and must not hold up the caller.
     */
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private Subprocess() {}

    /** {@link #run(List, RunOptions)} with {@link RunOptions#defaults()}: the program uses this JVM's streams. */
    public static CompletedProcess run(List<String> args) throws IOException, InterruptedException {
        return run(args, RunOptions.defaults());
    }

    /**
     * Runs a program to its end (Python's {@code subprocess.run(args, input=, capture_output=,
     * timeout=, check=, cwd=, env=)}) and returns its exit status and captured output.
     * If this thread is interrupted while it waits, the program and all it started are killed.
     *
     * @throws ProgramNotFoundException if there is no such program
     * @throws TimeoutExpired           past the options' timeout: the program and every process it
     *                                  started have been killed; it holds the output read before
     * @throws CalledProcessError       with {@link RunOptions#check()}, on a non-zero exit status
     * @throws IOException              if the program cannot be started otherwise
     */
    @SuppressWarnings("try") // Popen's close waits for the program, which has ended or been killed
    public static CompletedProcess run(List<String> args, RunOptions options) throws IOException, InterruptedException {
        Duration timeout = options.timeout().orElse(null);
        try (Popen popen = options.builder(args).start()) {
            CompletedProcess done;
            try {
                done = popen.communicate(options.input().orElse(null), timeout);
            } catch (TimeoutExpired expired) {
                popen.killTree();
                CompletedProcess soFar = outputAfterKill(popen);
                throw new TimeoutExpired(args, timeout, soFar.stdout(), soFar.stderr());
            } catch (IOException | InterruptedException | RuntimeException | Error e) {
                popen.killTree();
                throw e;
            }
            return options.checks() ? done.checkReturncode() : done;
        }
    }

    /**
     * Runs a program with this JVM's streams and returns its exit status (Python's
     * {@code subprocess.call(args)}).
     *
     * @throws ProgramNotFoundException if there is no such program
     */
    public static int call(List<String> args) throws IOException, InterruptedException {
        return run(args).returncode();
    }

    /** All a killed program wrote, or what of it could be read within {@link #AFTER_KILL}. */
    private static CompletedProcess outputAfterKill(Popen killed) throws IOException, InterruptedException {
        try {
            return killed.communicate(null, AFTER_KILL);
        } catch (TimeoutExpired pipesHeldOpen) {
            return new CompletedProcess(killed.args(), -1, pipesHeldOpen.stdout(), pipesHeldOpen.stderr());
        }
    }
}
