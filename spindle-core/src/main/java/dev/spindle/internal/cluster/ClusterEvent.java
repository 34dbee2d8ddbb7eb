package dev.spindle.internal.cluster;

import dev.spindle.internal.waits.Waits;
import dev.spindle.sync.Event;
import java.time.Duration;

/**
 * An {@link Event} of a cluster: a key that exists while the event is set, and a count of sets,
 * so that a waiter woken by a set returns true even if the flag was cleared before it looked.
 */
final class ClusterEvent extends ClusterPrimitive implements Event {
    private static final long serialVersionUID = 1L;
    /** KEYS: flag, sets. ARGV: wake channel, seconds kept. */
    private static final String SET = """
            redis.call('SET', KEYS[1], '1', 'EX', ARGV[2])
            redis.call('INCR', KEYS[2])
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            redis.call('PUBLISH', ARGV[1], KEYS[1])
            return 1
            """;
    /** KEYS: flag, sets. ARGV: the count of sets when the wait began. 1 if set then or since. */
    private static final String SET_SINCE = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 1 end
            if tonumber(redis.call('GET', KEYS[2]) or '0') > tonumber(ARGV[1]) then return 1 end
            return 0
            """;

    ClusterEvent(ClusterSettings settings) {
        super(settings, "event");
    }

    private String[] keys() {
        return new String[] {key, key + ":sets"};
    }

    @Override
    public boolean isSet() {
        return call(redis -> redis.exists(key)) == 1;
    }

    @Override
    public void set() {
        eval(SET, keys(), wakeChannel(), Integer.toString(KEPT_SECONDS));
    }

    @Override
    public void clear() {
        call(redis -> redis.del(key));
    }

    @Override
    public String toString() {
        return "Event[" + (isSet() ? "set" : "unset") + ", on cluster " + settings.name() + ", key " + key + "]";
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting for an Event");
        }
        String sets = call(redis -> redis.get(key + ":sets"));
        String before = sets == null ? "0" : sets;
        return wakeups().await(key, Waits.deadlineAfter(Math.max(0, Waits.nanos(timeout))), true,
                () -> eval(SET_SINCE, keys(), before) == 1);
    }
}
