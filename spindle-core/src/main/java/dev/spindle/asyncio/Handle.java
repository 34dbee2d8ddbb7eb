package dev.spindle.asyncio;

/**
 * Python's {@code asyncio.Handle} / {@code TimerHandle}: a callback the loop will run, returned by
 * {@link EventLoop#callSoon}, {@link EventLoop#callLater} and {@link EventLoop#callAt}.
 * {@link #cancel()} before it runs and it never does.
 */
public final class Handle implements Comparable<Handle> {
    final Runnable callback;
    final Strand resume;
    final long when;
    final long sequence;
    private volatile boolean cancelled;

    Handle(Runnable callback, Strand resume, long when, long sequence) {
        this.callback = callback;
        this.resume = resume;
        this.when = when;
        this.sequence = sequence;
    }

    /** Stops the callback from running, if it has not run yet. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** For a timer: the loop time ({@link EventLoop#time()}) it is due at. */
    public double when() {
        return when / 1e9;
    }

    /** Timers in the order they fall due; those due at the same instant in the order they were made. */
    @Override
    public int compareTo(Handle other) {
        int byTime = Long.compare(when, other.when);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
