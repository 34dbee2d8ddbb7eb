package dev.spindle.internal.cluster;

import dev.spindle.ReadLimits;
import dev.spindle.internal.codec.Codec;
import io.lettuce.core.ScriptOutputType;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A managed dict of a cluster ({@code manager.dict()}): a {@link java.util.Map} in Redis, in insertion order,
 * null keys and values allowed. Keys and values are stored encoded, so keys are told apart by
 * their encoded form (as equal strings, numbers and records encode alike). Each single call —
 * {@code put}, {@code remove}, {@code putIfAbsent}, {@code replace}, the two-argument
 * {@code remove} — is one step in Redis; {@code compute}, {@code merge} and the views' iteration
 * are several (iteration walks a copy taken at the call, as Python's {@code list(proxy)} does).
 */
final class ClusterDict<K, V> extends AbstractMap<K, V> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The Redis side: a hash of the entries, a sorted set of the keys by insertion, a counter. */
    private static final class Store extends ClusterPrimitive {
        @Serial
        private static final long serialVersionUID = 1L;

        Store(ClusterSettings settings) {
            super(settings, "dict");
        }
    }

    /**
     * KEYS: hash, order, counter. ARGV: field, value, mode ('put', 'absent': only if absent,
     * 'present': only if present, 'swap': only if it holds ARGV[4]), expected, seconds kept.
     * {1, old} when written (old '' and flag 0 when there was none), {0, old} when not.
     */
    private static final String WRITE = """
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            local mode = ARGV[3]
            if (mode == 'absent' and old) or (mode == 'present' and not old) or (mode == 'swap' and old ~= ARGV[4]) then
              return {0, old or '', old and 1 or 0}
            end
            if not old then
              redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[5]) end
            return {1, old or '', old and 1 or 0}
            """;
    /** KEYS: hash, order. ARGV: field, expected ('' with ARGV[3] = '0': any). {1, old} removed, {0, ''} not. */
    private static final String REMOVE = """
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            if not old or (ARGV[3] == '1' and old ~= ARGV[2]) then return {0, ''} end
            redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return {1, old}
            """;
    /** KEYS: hash, order. Every field and value, in insertion order, one after the other. */
    private static final String ENTRIES = """
            local fields = redis.call('ZRANGE', KEYS[2], 0, -1)
            local out = {}
            for _, field in ipairs(fields) do
              local value = redis.call('HGET', KEYS[1], field)
              if value then out[#out + 1] = field; out[#out + 1] = value end
            end
            return out
            """;

    private final Store store;

    ClusterDict(ClusterSettings settings) {
        this.store = new Store(settings);
    }

    private byte[][] keys() {
        return new byte[][] {ClusterKeys.bytes(store.key + ":h"), ClusterKeys.bytes(store.key + ":o"),
                ClusterKeys.bytes(store.key + ":n")};
    }

    private static byte[] encode(Object object) {
        return Codec.get().encode(object);
    }

    @SuppressWarnings("unchecked")
    private static <T> T decode(byte[] bytes) {
        return (T) Codec.get().decode(bytes, ReadLimits.defaults());
    }

    /** The answer of a write: whether it wrote, and the value before (null if there was none). */
    private record Written(boolean wrote, byte[] old) {}

    private Written write(Object key, Object value, String mode, byte[] expected) {
        List<Object> answer = store.callBinary(redis -> redis.<List<Object>>eval(WRITE, ScriptOutputType.MULTI, keys(),
                encode(key), encode(value), ClusterKeys.bytes(mode), expected == null ? new byte[0] : expected,
                ClusterKeys.bytes(Integer.toString(ClusterPrimitive.KEPT_SECONDS))));
        return new Written((Long) answer.get(0) == 1, (Long) answer.get(2) == 1 ? (byte[]) answer.get(1) : null);
    }

    private byte[] removeField(Object key, byte[] expected) {
        List<Object> answer = store.callBinary(redis -> redis.<List<Object>>eval(REMOVE, ScriptOutputType.MULTI,
                Arrays.copyOf(keys(), 2), encode(key), expected == null ? new byte[0] : expected,
                ClusterKeys.bytes(expected == null ? "0" : "1")));
        return (Long) answer.get(0) == 1 ? (byte[]) answer.get(1) : null;
    }

    @Override
    public V put(K key, V value) {
        byte[] old = write(key, value, "put", null).old();
        return old == null ? null : decode(old);
    }

    @Override
    public V get(Object key) {
        byte[] value = store.callBinary(redis -> redis.hget(keys()[0], encode(key)));
        return value == null ? null : decode(value);
    }

    @Override
    public boolean containsKey(Object key) {
        return store.callBinary(redis -> redis.hexists(keys()[0], encode(key)));
    }

    @Override
    public V remove(Object key) {
        byte[] old = removeField(key, null);
        return old == null ? null : decode(old);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return removeField(key, encode(value)) != null;
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Written written = write(key, value, "absent", null);
        return written.old() == null ? null : decode(written.old());
    }

    @Override
    public V replace(K key, V value) {
        Written written = write(key, value, "present", null);
        return written.old() == null ? null : decode(written.old());
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return write(key, newValue, "swap", encode(oldValue)).wrote();
    }

    @Override
    public int size() {
        return Math.toIntExact(store.callBinary(redis -> redis.hlen(keys()[0])));
    }

    @Override
    public void clear() {
        store.callBinary(redis -> redis.del(keys()));
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                List<Entry<K, V>> copy = snapshot();
                return new Iterator<>() {
                    private int next;
                    private Entry<K, V> last;

                    @Override
                    public boolean hasNext() {
                        return next < copy.size();
                    }

                    @Override
                    public Entry<K, V> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        last = copy.get(next++);
                        return last;
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException("next() first, and once per remove()");
                        }
                        ClusterDict.this.remove(last.getKey());
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return ClusterDict.this.size();
            }
        };
    }

    /** The entries now, in insertion order; setValue on one writes through. */
    private List<Entry<K, V>> snapshot() {
        List<byte[]> flat = store.callBinary(redis -> redis.<List<byte[]>>eval(ENTRIES, ScriptOutputType.MULTI,
                Arrays.copyOf(keys(), 2)));
        List<Entry<K, V>> entries = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            K key = decode(flat.get(i));
            entries.add(new SimpleEntry<>(key, decode(flat.get(i + 1))) {
                @Override
                public V setValue(V value) {
                    super.setValue(value);
                    return put(getKey(), value);
                }
            });
        }
        return entries;
    }

    /** Travels as its store: the same dict wherever it arrives. */
    @Serial
    private Object writeReplace() {
        return new Travelling(store);
    }

    private record Travelling(Store store) implements Serializable {
        @Serial
        private Object readResolve() {
            return new ClusterDict<>(store);
        }
    }

    private ClusterDict(Store store) {
        this.store = store;
    }
}
