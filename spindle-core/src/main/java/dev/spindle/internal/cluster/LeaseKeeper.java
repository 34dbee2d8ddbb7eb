package dev.spindle.internal.cluster;

import io.lettuce.core.RedisException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renews the leases of the cluster locks this JVM holds, five times per lease, from one daemon
 * thread; a lease found lost (this JVM paused past it, or Redis was away that long, and another
 * took the lock) is no longer renewed: its holder finds out at release, and a fenced write under
 * it is refused. When this JVM dies, renewals stop and each lease runs out: the next acquirer
 * gets the lock, told that its owner died.
 */
final class LeaseKeeper {
    private static final Map<LeasedLock, String> HELD = new ConcurrentHashMap<>();
    private static Thread thread;

    private LeaseKeeper() {}

    /** {@code lock} is held here as {@code holder} (holder#token): renew it until {@link #drop}. */
    static synchronized void keep(LeasedLock lock, String holder) {
        HELD.put(lock, holder);
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("spindle-cluster-leases").start(LeaseKeeper::renewLoop);
        }
    }

    static void drop(LeasedLock lock) {
        HELD.remove(lock);
    }

    private static void renewLoop() {
        while (true) {
            long period = Long.MAX_VALUE;
            for (Map.Entry<LeasedLock, String> held : HELD.entrySet()) {
                LeasedLock lock = held.getKey();
                period = Math.min(period, lock.settings.heartbeat().toMillis());
                try {
                    if (!lock.renew(held.getValue())) {
                        HELD.remove(lock, held.getValue()); // the holder learns it at unlock; a fenced write is refused
                    }
                } catch (RedisException away) {
                    // Redis away: try again at the next beat; the lease may run out meanwhile
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(period == Long.MAX_VALUE ? 200 : period);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
