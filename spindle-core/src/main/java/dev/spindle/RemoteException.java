package dev.spindle;

/**
 * Work in another process threw. The cause is the child's exception: the original object when its
 * class could cross, otherwise a {@link RemoteThrowable} that keeps its class name, message, stack
 * frames and causes.
 */
public class RemoteException extends SpindleException {
    private static final long serialVersionUID = 1L;

    /** Wraps the child's exception, described by {@code where} (such as "ChildProcess-1 (pid 42)"). */
    public RemoteException(String where, Throwable remote) {
        super(where + " raised " + remote, remote);
    }

    /** The fully qualified class name of the exception thrown in the other process. */
    public String remoteClassName() {
        return getCause() instanceof RemoteThrowable r ? r.className() : getCause().getClass().getName();
    }
}
