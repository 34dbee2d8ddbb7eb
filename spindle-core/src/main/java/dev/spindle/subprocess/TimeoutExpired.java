package dev.spindle.subprocess;

import java.time.Duration;
import java.util.List;

/**
 * A program ran past its timeout (Python's {@code subprocess.TimeoutExpired}). From
 * {@link Subprocess#run} the program and every process it started have been killed; from
 * {@link Popen#communicate} nothing has been killed and the call may be repeated, losing no
 * output. {@link #stdout()} and {@link #stderr()} hold what was read before the timeout.
 */
public final class TimeoutExpired extends SubprocessError {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * @param args    the command
     * @param timeout the time it was given
     * @param stdout  its stdout read so far (empty if not captured)
     * @param stderr  its stderr read so far (empty if not captured)
     */
    public TimeoutExpired(List<String> args, Duration timeout, byte[] stdout, byte[] stderr) {
        super("Command '" + args + "' timed out after " + seconds(timeout) + " seconds", args, stdout, stderr);
        this.timeout = timeout;
    }

    private static String seconds(Duration timeout) {
        return java.math.BigDecimal.valueOf(timeout.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    /** The time the program was given. */
    public Duration timeout() {
        return timeout;
    }
}
