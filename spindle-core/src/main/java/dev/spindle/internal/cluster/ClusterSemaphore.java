package dev.spindle.internal.cluster;

import dev.spindle.internal.sync.Permits;
import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Semaphore;
import io.lettuce.core.SetArgs;
import java.time.Duration;

/**
 * A {@link Semaphore} of a cluster: a count in Redis, taken and given back by scripts. Permits a
 * holder took are not given back when its host dies (a cluster semaphore has no owners); a
 * bounded one refuses a release above its initial value.
 */
final class ClusterSemaphore extends ClusterPrimitive implements Semaphore {
    private static final long serialVersionUID = 1L;
    /** KEYS: count. 1 if a permit was taken. */
    private static final String TAKE = """
            local permits = tonumber(redis.call('GET', KEYS[1]) or '0')
            if permits > 0 then
              redis.call('DECR', KEYS[1])
              return 1
            end
            return 0
            """;
    /** KEYS: count. ARGV: n, bound (-1: none), wake channel, seconds kept. 1, or -1 above the bound. */
    private static final String GIVE = """
            local permits = tonumber(redis.call('GET', KEYS[1]) or '0')
            local bound = tonumber(ARGV[2])
            if bound >= 0 and permits + tonumber(ARGV[1]) > bound then return -1 end
            redis.call('INCRBY', KEYS[1], ARGV[1])
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('PUBLISH', ARGV[3], KEYS[1])
            return 1
            """;

    /** The initial value, for a bounded semaphore; -1 for an unbounded one. */
    private final int bound;

    ClusterSemaphore(ClusterSettings settings, int permits, boolean bounded) {
        super(settings, "semaphore");
        Permits.checkInitial(permits);
        this.bound = bounded ? permits : -1;
        call(redis -> redis.set(key, Integer.toString(permits), SetArgs.Builder.ex(KEPT_SECONDS)));
    }

    @Override
    public boolean acquire(Duration timeout) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for a Semaphore");
        }
        return wakeups().await(key, Waits.deadlineAfter(Math.max(0, Waits.nanos(timeout))), true, this::tryAcquire);
    }

    @Override
    public boolean tryAcquire() {
        return eval(TAKE, new String[] {key}) == 1;
    }

    @Override
    public void release(int n) {
        Permits.checkRelease(n);
        if (eval(GIVE, new String[] {key}, Integer.toString(n), Integer.toString(bound), wakeChannel(),
                Integer.toString(KEPT_SECONDS)) < 0) {
            throw new IllegalStateException("BoundedSemaphore released too many times (it holds at most " + bound + ")");
        }
    }

    @Override
    public String toString() {
        return "Semaphore[" + availablePermits() + " available, on cluster " + settings.name() + ", key " + key + "]";
    }

    @Override
    public int availablePermits() {
        String permits = call(redis -> redis.get(key));
        return permits == null ? 0 : Integer.parseInt(permits);
    }
}
