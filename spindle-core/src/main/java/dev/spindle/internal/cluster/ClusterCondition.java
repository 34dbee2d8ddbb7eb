package dev.spindle.internal.cluster;

import dev.spindle.internal.waits.Waits;
import dev.spindle.internal.sync.DeadlineCondition;
import dev.spindle.sync.Lock;
import java.util.UUID;

/**
 * A {@link dev.spindle.sync.Condition} of a cluster lock: a Redis list of waiters, oldest first. A waiter puts its
 * token at the tail, lets the lock go and waits for its own signal key; a signal pops tokens from
 * the head and sets their keys. A waiter that gives up (timeout, interrupt) takes its token out
 * of the list: if it was no longer there, a signal chose it first and it counts as signalled, so
 * a signal is never lost to a waiter that left.
 */
final class ClusterCondition extends ClusterPrimitive implements DeadlineCondition {
    private static final long serialVersionUID = 1L;
    /** KEYS: waiters. ARGV: token, seconds kept. */
    private static final String ENQUEUE = """
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            return 1
            """;
    /** KEYS: waiters. ARGV: most to signal, wake channel. How many were signalled. */
    private static final String SIGNAL = """
            local n = 0
            while n < tonumber(ARGV[1]) do
              local token = redis.call('LPOP', KEYS[1])
              if not token then break end
              redis.call('SET', KEYS[1] .. ':' .. token, '1', 'EX', 600)
              redis.call('PUBLISH', ARGV[2], KEYS[1] .. ':' .. token)
              n = n + 1
            end
            return n
            """;

    private final LeasedLock lock;

    ClusterCondition(ClusterSettings settings, LeasedLock lock) {
        super(settings, "condition");
        this.lock = lock;
    }

    @Override
    public Lock lock() {
        return lock;
    }

    @Override
    public boolean awaitSignal(long deadline, boolean interruptible) throws InterruptedException {
        if (!lock.heldForCondition()) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting on a Condition");
        }
        String token = UUID.randomUUID().toString();
        String signal = key + ":" + token;
        eval(ENQUEUE, new String[] {key}, token, Integer.toString(KEPT_SECONDS));
        int holds = lock.releaseForWait();
        try {
            boolean signalled;
            try {
                signalled = wakeups().await(signal, deadline, interruptible, () -> call(redis -> redis.exists(signal)) == 1);
            } catch (InterruptedException e) {
                if (!leftTheQueue(token)) {
                    signal(1); // chosen by a signal just before the interrupt: it goes to the next waiter
                }
                throw e;
            }
            return signalled || !leftTheQueue(token);
        } finally {
            call(redis -> redis.del(signal));
            lock.reacquireAfterWait(holds);
        }
    }

    /** Takes the waiter's token out of the queue; false if a signal had taken it first. */
    private boolean leftTheQueue(String token) {
        return call(redis -> redis.lrem(key, 1, token)) == 1;
    }

    @Override
    public void signal() {
        signal(1);
    }

    @Override
    public void signal(int n) {
        if (!lock.heldForCondition()) {
            throw new IllegalMonitorStateException("cannot notify on un-acquired lock");
        }
        if (n > 0) {
            eval(SIGNAL, new String[] {key}, Integer.toString(n), wakeChannel());
        }
    }

    @Override
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }
}
