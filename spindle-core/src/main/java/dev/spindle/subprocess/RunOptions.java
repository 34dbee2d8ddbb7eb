package dev.spindle.subprocess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link Subprocess#run} runs a program: Python's keyword arguments of {@code subprocess.run}.
 * Immutable; each method returns a changed copy, starting from {@link #defaults()}:
 * <pre>{@code
 * Subprocess.run(List.of("sort"), RunOptions.defaults().input("b\na\n").captureOutput().timeout(Duration.ofSeconds(5)).check());
 * }</pre>
 */
public final class RunOptions {
    private static final RunOptions DEFAULTS = new RunOptions(null, false, null, false, null, null);

    private final byte[] input;
    private final boolean captureOutput;
    private final Duration timeout;
    private final boolean check;
    private final Path directory;
    private final Map<String, String> environment;

    private RunOptions(byte[] input, boolean captureOutput, Duration timeout, boolean check, Path directory,
            Map<String, String> environment) {
        this.input = input;
        this.captureOutput = captureOutput;
        this.timeout = timeout;
        this.check = check;
        this.directory = directory;
        this.environment = environment;
    }

    /**
     * No input (the program reads this JVM's stdin), output not captured (it writes to this JVM's
     * stdout and stderr), no timeout, no check, this JVM's directory and environment.
     */
    public static RunOptions defaults() {
        return DEFAULTS;
    }

    /** {@code input} is written to the program's stdin, which is then closed (Python's {@code input=}). */
    public RunOptions input(byte[] input) {
        return new RunOptions(input.clone(), captureOutput, timeout, check, directory, environment);
    }

    /** {@code input} in UTF-8 (Python's {@code input=} with {@code text=True}). */
    public RunOptions input(String input) {
        return input(input.getBytes(StandardCharsets.UTF_8));
    }

    /** Stdout and stderr are read into the result (Python's {@code capture_output=True}). */
    public RunOptions captureOutput() {
        return new RunOptions(input, true, timeout, check, directory, environment);
    }

    /**
     * Past {@code timeout} the program and every process it started are killed (SIGKILL) and
     * {@link TimeoutExpired} is thrown with the output read so far (Python's {@code timeout=}).
     */
    public RunOptions timeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        return new RunOptions(input, captureOutput, timeout, check, directory, environment);
    }

    /** A non-zero exit status throws {@link CalledProcessError} (Python's {@code check=True}). */
    public RunOptions check() {
        return new RunOptions(input, captureOutput, timeout, true, directory, environment);
    }

    /** The program runs in {@code directory} (Python's {@code cwd=}). */
    public RunOptions directory(Path directory) {
        return new RunOptions(input, captureOutput, timeout, check, directory, environment);
    }

    /** The program's whole environment is {@code environment} (Python's {@code env=}). */
    public RunOptions environment(Map<String, String> environment) {
        return new RunOptions(input, captureOutput, timeout, check, directory, Map.copyOf(environment));
    }

    /** The input, if any. */
    public Optional<byte[]> input() {
        return Optional.ofNullable(input).map(byte[]::clone);
    }

    /** Whether stdout and stderr are captured. */
    public boolean capturesOutput() {
        return captureOutput;
    }

    /** The timeout, if any. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** Whether a non-zero exit status throws. */
    public boolean checks() {
        return check;
    }

    /** The builder of a program to run with these options. */
    PopenBuilder builder(List<String> args) {
        PopenBuilder builder = Popen.builder(args);
        if (input != null) {
            builder.stdin(ProcessBuilder.Redirect.PIPE);
        }
        if (captureOutput) {
            builder.stdout(ProcessBuilder.Redirect.PIPE).stderr(ProcessBuilder.Redirect.PIPE);
        }
        if (directory != null) {
            builder.directory(directory);
        }
        if (environment != null) {
            builder.environment(environment);
        }
        return builder;
    }
}
