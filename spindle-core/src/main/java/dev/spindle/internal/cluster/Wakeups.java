package dev.spindle.internal.cluster;

import dev.spindle.internal.waits.Waits;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How a cluster primitive's waiter learns that what it waits for may have changed: every change
 * (a release, a set, a permit given back) publishes the primitive's key on the cluster's wake
 * channel, which one subscription per JVM hears and turns into unparks of the threads waiting on
 * that key. A waiter also looks again every {@link #POLL_MILLIS} ms, since a lease that runs out
 * (its holder died) publishes nothing, and a message can be lost while Redis restarts.
 */
final class Wakeups {
    /** How often a waiter looks again when nothing woke it. */
    static final long POLL_MILLIS = 100;

    private final Map<String, Set<Thread>> waiting = new ConcurrentHashMap<>();
    private final StatefulRedisPubSubConnection<byte[], byte[]> subscription;

    Wakeups(RedisLink link, byte[] channel) {
        subscription = link.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] from, byte[] key) {
                Set<Thread> threads = waiting.get(ClusterKeys.text(key));
                if (threads != null) {
                    threads.forEach(LockSupport::unpark);
                }
            }
        });
        subscription.sync().subscribe(channel);
    }

    /** An attempt at what a waiter waits for: true once it got it. */
    @FunctionalInterface
    interface Attempt {
        boolean tryNow();
    }

    /**
     * Tries {@code attempt} until it succeeds or {@code deadline} ({@link System#nanoTime()}) passes,
     * waiting between tries for a change of {@code key}.
     *
     * @return whether the attempt succeeded
     * @throws InterruptedException if {@code interruptible} and this thread is interrupted while waiting
     */
    boolean await(String key, long deadline, boolean interruptible, Attempt attempt) throws InterruptedException {
        Thread me = Thread.currentThread();
        waiting.compute(key, (k, threads) -> { // before the try: a change after it unparks us
            Set<Thread> set = threads != null ? threads : ConcurrentHashMap.newKeySet();
            set.add(me);
            return set;
        });
        boolean interrupted = false;
        try {
            while (true) {
                if (attempt.tryNow()) {
                    return true;
                }
                long left = Waits.left(deadline);
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
                if (Thread.interrupted()) {
                    if (interruptible) {
                        throw new InterruptedException("interrupted while waiting for " + key);
                    }
                    interrupted = true;
                }
            }
        } finally {
            waiting.compute(key, (k, threads) -> {
                threads.remove(me);
                return threads.isEmpty() ? null : threads;
            });
            if (interrupted) {
                me.interrupt();
            }
        }
    }
}
