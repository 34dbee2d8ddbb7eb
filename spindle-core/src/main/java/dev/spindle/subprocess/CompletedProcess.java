package dev.spindle.subprocess;

import java.util.Arrays;
import java.util.List;

/**
 * A program that has ended (Python's {@code subprocess.CompletedProcess}): its command, exit status
 * and what it wrote to its captured stdout and stderr (empty when they were not captured: Python's
 * {@code None}). The byte arrays are copied in and out, so an instance never changes.
 *
 * <p>A program killed by signal N has {@code returncode} −N, as in Python.
 *
 * @param args       the command: the program and its arguments
 * @param returncode its exit status
 * @param stdout     its captured stdout
 * @param stderr     its captured stderr
 */
public record CompletedProcess(List<String> args, int returncode, byte[] stdout, byte[] stderr) implements CapturedOutput {
    public CompletedProcess {
        args = List.copyOf(args);
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /**
     * Returns this if {@link #returncode()} is 0 (Python's {@code check_returncode()}).
     *
     * @throws CalledProcessError otherwise, with the captured output
     */
    public CompletedProcess checkReturncode() throws CalledProcessError {
        if (returncode != 0) {
            throw new CalledProcessError(returncode, args, stdout, stderr);
        }
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompletedProcess that && args.equals(that.args) && returncode == that.returncode
                && Arrays.equals(stdout, that.stdout) && Arrays.equals(stderr, that.stderr);
    }

    @Override
    public int hashCode() {
        return (args.hashCode() * 31 + returncode) * 31 + Arrays.hashCode(stdout) * 17 + Arrays.hashCode(stderr);
    }

    @Override
    public String toString() {
        return "CompletedProcess(args=" + args + ", returncode=" + returncode + ", stdout=" + stdout.length
                + " bytes, stderr=" + stderr.length + " bytes)";
    }
}
