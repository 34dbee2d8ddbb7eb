package dev.spindle;

/**
 * The worker process running a task ended before the task did (killed by a signal, {@code
 * System.exit}, out of memory, a crash). Only the task that was running fails this way; tasks
 * queued behind it run on other workers.
 */
public class WorkerDiedException extends SpindleException {
    private static final long serialVersionUID = 1L;
    private final long pid;
    private final int exitCode;

    /**
     * @param pid      the worker's process id
     * @param exitCode as {@code ChildProcess.exitCode()}: n for {@code System.exit(n)}, -N for signal N
     */
    public WorkerDiedException(long pid, int exitCode) {
        super("the worker process " + pid + " running this task died (" + describe(exitCode) + ")");
        this.pid = pid;
        this.exitCode = exitCode;
    }

    /** The worker's process id. */
    public long pid() {
        return pid;
    }

    /** The worker's exit code: n for {@code System.exit(n)}, -N when signal N ended it. */
    public int exitCode() {
        return exitCode;
    }

    private static String describe(int exitCode) {
        return exitCode < 0 ? "signal " + (-exitCode) + (exitCode == -9 ? ", SIGKILL" : exitCode == -15 ? ", SIGTERM" : "")
                : "exit code " + exitCode;
    }
}
