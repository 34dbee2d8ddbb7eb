package dev.spindle.subprocess;

import java.io.IOException;
import java.util.List;

/**
 * A child program failed in a way the caller asked to hear about (Python's
 * {@code subprocess.SubprocessError}): it ran past its timeout ({@link TimeoutExpired}) or, with
 * {@code check}, ended with a non-zero status ({@link CalledProcessError}). It is an
 * {@link IOException}, so a caller of {@link Subprocess#run} handles one family of failures, as
 * for {@link ProcessBuilder#start()}. It carries the command and what the program wrote to its
 * captured stdout and stderr (empty when they were not captured).
 */
public abstract sealed class SubprocessError extends IOException implements CapturedOutput permits TimeoutExpired, CalledProcessError {
    private static final long serialVersionUID = 1L;

    private final String[] args;
    private final byte[] stdout;
    private final byte[] stderr;

    SubprocessError(String message, List<String> args, byte[] stdout, byte[] stderr) {
        super(message);
        this.args = args.toArray(String[]::new);
        this.stdout = stdout.clone();
        this.stderr = stderr.clone();
    }

    /** The command that was run: the program and its arguments (Python's {@code cmd}). */
    public List<String> args() {
        return List.of(args);
    }

    /** What the program wrote to its captured stdout (Python's {@code stdout}, alias {@code output}). */
    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /** What the program wrote to its captured stderr. */
    @Override
    public byte[] stderr() {
        return stderr.clone();
    }
}
