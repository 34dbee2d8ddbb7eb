package dev.spindle.queue;

/**
 * Python 3.13's {@code queue.ShutDown}: the queue was {@linkplain Queue#shutdown(boolean) shut
 * down}, so a put is refused, and so is a get once no item is left (at once after an immediate
 * shutdown). Threads blocked in a put or get when the queue is shut down wake with it. An
 * {@link IllegalStateException}, as the JDK's closed resources throw.
 */
public class ShutDown extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** A refusal saying what was refused. */
    public ShutDown(String message) {
        super(message);
    }
}
