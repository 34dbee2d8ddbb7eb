package dev.spindle.internal.pipe;

import static dev.spindle.internal.pipe.PipeLayout.INT;

import dev.spindle.internal.track.ProcessIdentity;
import java.io.InterruptedIOException;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A mutex over a word of shared memory that holds the owner's pid (0 when free), for one message
 * at a time per ring direction. Threads of one process first queue on a local lock, so at most
 * one thread per process contends for the shared word. Contention between processes is rare (a
 * pipe end shared by several senders), so a waiter spins, then parks with backoff. A lock whose
 * owner died is taken over.
 */
final class ProcessLock {
    private static final int FREE = 0;
    private static final long MAX_BACKOFF_NANOS = 1_000_000;

    private final MemorySegment memory;
    private final long offset;
    private final ReentrantLock local = new ReentrantLock();

    ProcessLock(MemorySegment memory, long offset) {
        this.memory = memory;
        this.offset = offset;
    }

    void lock() throws InterruptedIOException {
        try {
            local.lockInterruptibly();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while waiting for the pipe");
        }
        int self = (int) ProcessIdentity.self().pid();
        long backoff = 1_000;
        for (int spins = 0; !INT.compareAndSet(memory, offset, FREE, self); spins++) {
            if (spins < 1_000) {
                Thread.onSpinWait();
                continue;
            }
            int owner = (int) INT.getVolatile(memory, offset);
            if (owner != FREE && !ProcessIdentity.of(owner).isAlive()) {
                INT.compareAndSet(memory, offset, owner, FREE); // the owner died holding it
            } else {
                LockSupport.parkNanos(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
                if (Thread.interrupted()) {
                    local.unlock();
                    throw new InterruptedIOException("interrupted while waiting for the pipe");
                }
            }
        }
    }

    void unlock() {
        INT.setVolatile(memory, offset, FREE);
        local.unlock();
    }
}
