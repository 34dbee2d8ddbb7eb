package dev.spindle.gevent;

import java.io.Serial;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * gevent's {@code Timeout}: {@code with Timeout(seconds): block} is
 * {@code Timeout.within(duration, () -> block)}. When the deadline passes before the block returns,
 * the thread running it is interrupted (so a sleep, a wait or socket I/O in it ends; a socket so
 * interrupted is closed), and {@code within} throws this exception, with what the block threw
 * attached as suppressed. The interrupt never outlives the call.
 */
public final class Timeout extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Timeout(Duration after) {
        super("timed out after " + after);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("gevent-timeout").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Runs {@code block} in this thread; throws {@link Timeout} if it has not returned after {@code limit}. */
    public static <T> T within(Duration limit, Callable<T> block) throws Exception {
        Deadline deadline = new Deadline(Thread.currentThread());
        ScheduledFuture<?> alarm = TIMER.schedule(deadline::pass, limit.toNanos(), TimeUnit.NANOSECONDS);
        T result;
        try {
            result = block.call();
        } catch (Exception | Error e) {
            if (deadline.end()) {
                Timeout timeout = new Timeout(limit);
                timeout.addSuppressed(e);
                throw timeout;
            }
            throw e;
        } finally {
            alarm.cancel(false);
        }
        if (deadline.end()) {
            throw new Timeout(limit);
        }
        return result;
    }

    /** {@link #within(Duration, Callable)} for a block that returns nothing. */
    public static void within(Duration limit, Action block) throws Exception {
        within(limit, Gevent.voidCall(block));
    }

    /** Whether the deadline passed, decided once under a lock, so that an interrupt is sent only to a block still running. */
    private static final class Deadline {
        private final Thread runner;
        private boolean ended;
        private boolean passed;

        Deadline(Thread runner) {
            this.runner = runner;
        }

        synchronized void pass() {
            if (!ended) {
                passed = true;
                runner.interrupt();
            }
        }

        /** The block has ended: whether the deadline had passed (its interrupt then cleared). */
        synchronized boolean end() {
            ended = true;
            if (passed) {
                Thread.interrupted();
            }
            return passed;
        }
    }
}
