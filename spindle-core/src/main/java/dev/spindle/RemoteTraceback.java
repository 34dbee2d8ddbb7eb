package dev.spindle;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an exception that crossed from another process was raised (CPython's
 * {@code RemoteTraceback}). Spindle hands users the task's own exception — its class, message
 * and the other process's stack frames — and attaches one of these to it as a
 * {@linkplain Throwable#getSuppressed() suppressed} exception naming the process, so
 * {@code catch (ArithmeticException e)} works across processes and a printed trace still says
 * where it ran.
 */
public final class RemoteTraceback extends SpindleException {
    private static final long serialVersionUID = 1L;
    private final String processName;
    private final long pid;

    /** The exception was raised in the process {@code processName} with id {@code pid}. */
    public RemoteTraceback(String processName, long pid) {
        super("raised in " + processName + " (pid " + pid + ")");
        this.processName = processName;
        this.pid = pid;
        setStackTrace(new StackTraceElement[0]); // its own frames say nothing: the task's are on the exception
    }

    /** The name of the process the exception was raised in. */
    public String processName() {
        return processName;
    }

    /** The id of the process the exception was raised in. */
    public long pid() {
        return pid;
    }

    /** The traceback attached to {@code error}, if it came from another process. */
    public static Optional<RemoteTraceback> of(Throwable error) {
        return Arrays.stream(error.getSuppressed())
                .filter(RemoteTraceback.class::isInstance).map(RemoteTraceback.class::cast).findFirst();
    }
}
