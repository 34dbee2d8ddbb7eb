package dev.spindle.internal.pool;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread of a process pool that completes task futures, so callbacks run in the parent, one
 * after another, in this thread (Python's result-handler thread). It ends when its pool has ended.
 */
final class ResultHandler {
    private static final Runnable STOP = () -> {};
    private final LinkedBlockingQueue<Runnable> completions = new LinkedBlockingQueue<>();
    /** Completions delivered and not yet run to their end. */
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread thread;

    ResultHandler(String name) {
        thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    void deliver(Runnable completion) {
        pending.incrementAndGet();
        completions.add(completion);
    }

    /** True if every completion delivered so far has run, callbacks included. */
    boolean idle() {
        return pending.get() == 0;
    }

    /** Runs what is queued, then ends the thread; waits at most {@code nanos} for that. */
    boolean stop(long nanos) throws InterruptedException {
        completions.add(STOP);
        if (Thread.currentThread() == thread) {
            return true; // called from a callback: the loop ends after it
        }
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
        return !thread.isAlive();
    }

    private void loop() {
        while (true) {
            Runnable next;
            try {
                next = completions.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                return;
            }
            try {
                next.run();
            } finally {
                pending.decrementAndGet();
            }
        }
    }
}
