package dev.spindle.internal.cluster;

import dev.spindle.internal.queue.ItemStore;
import dev.spindle.queue.ShutDown;
import io.lettuce.core.ScriptOutputType;
import java.io.Serial;
import java.util.List;

/**
 * A cluster queue's items: a Redis list, oldest first, and a hash of its state (the unfinished
 * tasks of a joinable queue, whether it was shut down). Every step that checks and changes is one
 * script; every change publishes the queue's key, which wakes its waiters in every JVM.
 */
final class RedisItemStore extends ClusterPrimitive implements ItemStore {
    @Serial
    private static final long serialVersionUID = 1L;
    /** KEYS: items, state. ARGV: item, maxsize, wake channel, seconds kept, queue key. 1 put, 0 full, -1 shut down. */
    private static final String PUT = """
            if redis.call('HEXISTS', KEYS[2], 'shutdown') == 1 then return -1 end
            local max = tonumber(ARGV[2])
            if max > 0 and redis.call('LLEN', KEYS[1]) >= max then return 0 end
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('HINCRBY', KEYS[2], 'unfinished', 1)
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            redis.call('PUBLISH', ARGV[3], ARGV[5])
            return 1
            """;
    /** KEYS: items, state. ARGV: wake channel, queue key, '1' to peek. {1, item}, {0, ''} empty, {-1, ''} shut down and empty. */
    private static final String TAKE = """
            local item
            if ARGV[3] == '1' then item = redis.call('LINDEX', KEYS[1], 0) else item = redis.call('LPOP', KEYS[1]) end
            if item then
              if ARGV[3] ~= '1' then redis.call('PUBLISH', ARGV[1], ARGV[2]) end
              return {1, item}
            end
            if redis.call('HEXISTS', KEYS[2], 'shutdown') == 1 then return {-1, ''} end
            return {0, ''}
            """;
    /** KEYS: state. ARGV: wake channel, queue key. 1 done, 0 none unfinished. */
    private static final String TASK_DONE = """
            local unfinished = tonumber(redis.call('HGET', KEYS[1], 'unfinished') or '0')
            if unfinished <= 0 then return 0 end
            if redis.call('HINCRBY', KEYS[1], 'unfinished', -1) == 0 then redis.call('PUBLISH', ARGV[1], ARGV[2]) end
            return 1
            """;
    /** KEYS: items, state. ARGV: '1' immediate, wake channel, queue key, seconds kept. */
    private static final String SHUTDOWN = """
            redis.call('HSET', KEYS[2], 'shutdown', '1')
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            if ARGV[1] == '1' then
              local dropped = redis.call('LLEN', KEYS[1])
              redis.call('DEL', KEYS[1])
              local unfinished = tonumber(redis.call('HGET', KEYS[2], 'unfinished') or '0')
              redis.call('HSET', KEYS[2], 'unfinished', math.max(0, unfinished - dropped))
            end
            redis.call('PUBLISH', ARGV[2], ARGV[3])
            return 1
            """;

    private final int maxsize;
    private final int maxItemBytes;

    RedisItemStore(ClusterSettings settings, int maxsize, int maxItemBytes) {
        super(settings, "queue");
        if (maxsize < 0) {
            throw new IllegalArgumentException("maxsize must be 0 (no limit) or more, not " + maxsize);
        }
        if (maxItemBytes < 0) {
            throw new IllegalArgumentException("maxItemBytes must be 0 or more, not " + maxItemBytes);
        }
        this.maxsize = maxsize;
        this.maxItemBytes = maxItemBytes;
    }

    private byte[][] keys() {
        return new byte[][] {ClusterKeys.bytes(key + ":items"), ClusterKeys.bytes(key + ":state")};
    }

    private static byte[] text(Object value) {
        return ClusterKeys.bytes(String.valueOf(value));
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public int maxItemBytes() {
        return maxItemBytes;
    }

    @Override
    public int size() {
        return Math.toIntExact(callBinary(redis -> redis.llen(keys()[0])));
    }

    @Override
    public boolean hasItem() {
        return size() > 0;
    }

    @Override
    public boolean put(byte[] item, long deadline) throws InterruptedException {
        if (item.length > maxItemBytes) {
            throw new IllegalArgumentException("an item of " + item.length + " encoded bytes is above this queue's limit of "
                    + maxItemBytes + " (Context.queue(maxsize, maxItemBytes))");
        }
        byte[][] keys = keys();
        return wakeups().await(key, deadline, true, () -> {
            long put = callBinary(redis -> redis.<Long>eval(PUT, ScriptOutputType.INTEGER, keys, item, text(maxsize),
                    text(wakeChannel()), text(KEPT_SECONDS), text(key)));
            if (put < 0) {
                throw shutDown();
            }
            return put == 1;
        });
    }

    @Override
    public byte[] take(long deadline) throws InterruptedException {
        return get(deadline, false);
    }

    @Override
    public byte[] peek() throws InterruptedException {
        return get(System.nanoTime(), true);
    }

    private byte[] get(long deadline, boolean peek) throws InterruptedException {
        byte[][] keys = keys();
        byte[][] got = new byte[1][];
        wakeups().await(key, deadline, true, () -> {
            List<Object> answer = callBinary(redis -> redis.<List<Object>>eval(TAKE, ScriptOutputType.MULTI, keys,
                    text(wakeChannel()), text(key), text(peek ? 1 : 0)));
            long status = (Long) answer.get(0);
            if (status < 0) {
                if (peek) {
                    return true; // nothing to peek at
                }
                throw new ShutDown("the queue is shut down and empty");
            }
            got[0] = status == 1 ? (byte[]) answer.get(1) : null;
            return status == 1 || peek;
        });
        return got[0];
    }

    @Override
    public boolean taskDone() {
        return eval(TASK_DONE, new String[] {key + ":state"}, wakeChannel(), key) == 1;
    }

    @Override
    public boolean join(long deadline) throws InterruptedException {
        return wakeups().await(key, deadline, true, () -> {
            String unfinished = call(redis -> redis.hget(key + ":state", "unfinished"));
            return unfinished == null || Long.parseLong(unfinished) <= 0;
        });
    }

    @Override
    public boolean isShutdown() {
        return call(redis -> redis.hexists(key + ":state", "shutdown"));
    }

    @Override
    public void checkPutsOpen() {
        if (isShutdown()) {
            throw shutDown();
        }
    }

    private static ShutDown shutDown() {
        return new ShutDown("the queue is shut down: it takes no more items");
    }

    @Override
    public void shutdown(boolean immediate) {
        eval(SHUTDOWN, new String[] {key + ":items", key + ":state"}, immediate ? "1" : "0", wakeChannel(), key,
                Integer.toString(KEPT_SECONDS));
    }
}
