package dev.spindle.internal.nativeio;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waiting on a 32-bit word of shared memory, without holding a virtual thread's carrier.
 *
 * <p>A platform thread makes the {@code futex} call itself. A virtual thread must not: the call
 * is a native downcall, during which its carrier can run nothing else, so a few blocked virtual
 * threads would stop every other one. A virtual thread instead hands the call to a helper
 * platform thread (one per word: virtual threads waiting on the same word share it) and parks
 * until the helper returns or its own timeout passes. Helpers are daemon threads that end after
 * a few idle seconds.
 *
 * <p>Waits may return early (a wake, a signal, a word that changed, a shared helper's shorter
 * slice): callers always re-check their condition.
 */
public final class Futex {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final ConcurrentHashMap<Long, Sleeper> SLEEPERS = new ConcurrentHashMap<>();
    private static final AtomicInteger HELPER_NUMBER = new AtomicInteger();
    private static final ThreadPoolExecutor HELPERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread helper = new Thread(task, "spindle-futex-" + HELPER_NUMBER.incrementAndGet());
                helper.setDaemon(true);
                return helper;
            });

    private Futex() {}

    /**
     * Blocks while the word at {@code offset} of {@code memory} holds {@code expected}, for at
     * most {@code timeoutNanos}. An interrupted virtual thread returns with its interrupt status
     * set.
     */
    public static void await(MemorySegment memory, long offset, int expected, long timeoutNanos) {
        long address = memory.address() + offset;
        if (!Thread.currentThread().isVirtual()) {
            Native.futexWait(address, expected, timeoutNanos);
            return;
        }
        if ((int) INT.getVolatile(memory, offset) != expected || timeoutNanos <= 0) {
            return;
        }
        Sleeper sleeper = SLEEPERS.computeIfAbsent(address, a -> new Sleeper(a, expected, timeoutNanos));
        try {
            sleeper.woken.await(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes up to {@code count} threads or processes waiting on the word at {@code offset} of {@code memory}. */
    public static void wake(MemorySegment memory, long offset, int count) {
        Native.futexWake(memory.address() + offset, count);
    }

    /** One helper's futex call on behalf of the virtual threads waiting on one word. */
    private static final class Sleeper implements Runnable {
        private final long address;
        private final int expected;
        private final long timeoutNanos;
        private final CountDownLatch woken = new CountDownLatch(1);

        Sleeper(long address, int expected, long timeoutNanos) {
            this.address = address;
            this.expected = expected;
            this.timeoutNanos = timeoutNanos;
            HELPERS.execute(this);
        }

        @Override
        public void run() {
            try {
                Native.futexWait(address, expected, timeoutNanos);
            } finally {
                SLEEPERS.remove(address, this);
                woken.countDown();
            }
        }
    }
}
