package dev.spindle.subprocess;

import java.util.List;

/**
 * A program run with {@link RunOptions#check()} ended with a non-zero status (Python's
 * {@code subprocess.CalledProcessError}); {@link #stdout()} and {@link #stderr()} hold its captured
 * output.
 */
public final class CalledProcessError extends SubprocessError {
    private static final long serialVersionUID = 1L;

    private final int returncode;

    /**
     * @param returncode its exit status
     * @param args       the command
     * @param stdout     its captured stdout (empty if not captured)
     * @param stderr     its captured stderr (empty if not captured)
     */
    public CalledProcessError(int returncode, List<String> args, byte[] stdout, byte[] stderr) {
        super("Command '" + args + "' " + (returncode < 0 ? "died with signal " + -returncode
                : "returned non-zero exit status " + returncode) + ".", args, stdout, stderr);
        this.returncode = returncode;
    }

    /** The program's exit status. */
    public int returncode() {
        return returncode;
    }
}
