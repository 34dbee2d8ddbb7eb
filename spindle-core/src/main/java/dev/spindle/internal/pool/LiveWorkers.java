package dev.spindle.internal.pool;

import java.util.concurrent.TimeUnit;

/** How many workers of a backend are alive, and waiting until none is. */
final class LiveWorkers {
    private int live;

    synchronized void started() {
        live++;
    }

    synchronized void ended() {
        live--;
        notifyAll();
    }

    synchronized int count() {
        return live;
    }

    /** Waits at most {@code nanos} until no worker is alive; true if none is. */
    synchronized boolean awaitNone(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (live > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
