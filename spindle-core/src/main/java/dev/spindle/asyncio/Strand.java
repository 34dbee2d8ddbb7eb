package dev.spindle.asyncio;

import java.util.concurrent.locks.LockSupport;

/**
 * One thread that takes part in a loop: a task's virtual thread, or the thread that called
 * {@link EventLoop#runUntilComplete}. Of all the strands of a loop exactly one holds the baton and
 * runs; the others are parked in {@link #awaitBaton()}. The holder passes the baton on directly
 * (one unpark, no loop thread in between), which is what makes a task switch cheap.
 */
abstract class Strand {
    private volatile boolean baton;
    private Thread thread;

    /** A strand whose thread runs already (the caller of run). */
    Strand(Thread thread) {
        this.thread = thread;
    }

    /** A strand whose thread starts when it first takes the baton. */
    Strand() {}

    /** The (unstarted) thread to run this strand; it holds the baton from its first instruction. */
    abstract Thread newThread();

    /** The task this strand runs, or null for the caller of run. */
    abstract Task<?> task();

    final boolean runsOn(Thread candidate) {
        return thread == candidate;
    }

    /** Gives this strand the baton: it runs from here until it passes the baton on. */
    final void take() {
        if (thread == null) {
            thread = newThread();
            thread.start(); // after the assignment, which the new thread reads
        } else {
            baton = true;
            LockSupport.unpark(thread);
        }
    }

    /** Parks until another strand gives this one the baton. */
    final void awaitBaton() {
        while (!baton) {
            LockSupport.park(this);
        }
        baton = false;
    }
}
