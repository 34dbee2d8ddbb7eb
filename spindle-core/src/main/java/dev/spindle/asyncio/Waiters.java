package dev.spindle.asyncio;

import java.util.ArrayDeque;
import java.util.Iterator;

/** The tasks waiting on a primitive, each as a future it awaits, first come first served (CPython's {@code _waiters}). */
final class Waiters implements Iterable<Future<Void>> {
    private final ArrayDeque<Future<Void>> queue = new ArrayDeque<>();

    /** Suspends the calling task until it is woken; on cancellation it is taken out of the line. */
    void await(EventLoop loop) {
        await(loop, () -> { });
    }

    /**
     * {@link #await(EventLoop)}; if the task was woken but cancelled before it ran again, runs
     * {@code wokenThenCancelled} (to hand on what the wake-up gave it) before the error leaves.
     */
    void await(EventLoop loop, Runnable wokenThenCancelled) {
        Future<Void> waiter = loop.createFuture();
        queue.add(waiter);
        try {
            Asyncio.awaitQuietly(waiter);
        } catch (CancelledError e) {
            if (waiter.done() && !waiter.cancelled()) {
                wokenThenCancelled.run();
            }
            throw e;
        } finally {
            queue.remove(waiter);
        }
    }

    /** Wakes the first waiter not yet woken or cancelled; whether there was one. */
    boolean wakeFirst() {
        for (Future<Void> waiter : queue) {
            if (!waiter.done()) {
                waiter.setResult(null);
                return true;
            }
        }
        return false;
    }

    /** Whether a waiter is still waiting (neither woken nor cancelled). */
    boolean anyWaiting() {
        for (Future<Void> waiter : queue) {
            if (!waiter.done()) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public Iterator<Future<Void>> iterator() {
        return queue.iterator();
    }
}
