package dev.spindle.internal.cluster;

import dev.spindle.internal.values.SlotValue;
import dev.spindle.multiprocessing.TypeCode;
import io.lettuce.core.ScriptOutputType;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A {@link dev.spindle.multiprocessing.Value} of a cluster: its bits in a Redis key. A write made
 * while this thread (an RLock) or this JVM (a Lock) holds the value's lock carries the hold's
 * fencing token, and Redis refuses it if that hold is no longer the lock's (its lease ran out and
 * another took the lock): a holder that paused past its lease cannot overwrite what the next
 * holder wrote.
 *
 * @param <T> the Java type of the value
 */
final class ClusterValue<T> extends SlotValue<T> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /**
     * KEYS: value, lock ('' none). ARGV: bits, token ('0': unfenced), expected bits ('': any), seconds kept.
     * {1, before} stored; {0, before} not the expected bits; {-1, ''} refused by the fencing token.
     */
    private static final String WRITE = """
            if ARGV[2] ~= '0' then
              local holder = redis.call('GET', KEYS[2])
              if not holder or string.match(holder, '#(%d+)$') ~= ARGV[2] then return {-1, ''} end
            end
            local before = redis.call('GET', KEYS[1]) or '0'
            if ARGV[3] ~= '' and before ~= ARGV[3] then return {0, before} end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[4])
            return {1, before}
            """;

    /** The primitive's key and link; a value holds one rather than being one (its class is a SlotValue). */
    private final Slot slot;
    private final transient LeasedLock lock;

    /** The Redis side of the value: its key, reached through this JVM's link. */
    private static final class Slot extends ClusterPrimitive {
        @Serial
        private static final long serialVersionUID = 1L;

        Slot(ClusterSettings settings) {
            super(settings, "value");
        }
    }

    private ClusterValue(TypeCode<T> code, LeasedLock lock, Slot slot) {
        super(code, lock);
        this.lock = lock;
        this.slot = slot;
    }

    /** A new value of {@code code}, {@code initial}, guarded by {@code lock} (null: raw). */
    static <T> ClusterValue<T> create(ClusterSettings settings, TypeCode<T> code, T initial, LeasedLock lock) {
        ClusterValue<T> value = new ClusterValue<>(code, lock, new Slot(settings));
        value.set(initial);
        return value;
    }

    @Override
    protected long bits() {
        String bits = slot.call(redis -> redis.get(slot.key));
        return bits == null ? 0 : Long.parseLong(bits);
    }

    @Override
    protected void setBits(long bits) {
        write(bits, "");
    }

    @Override
    protected long getAndSetBits(long bits) {
        return Long.parseLong(write(bits, "").get(1).toString());
    }

    @Override
    protected boolean compareAndSetBits(long expected, long bits) {
        return ((Long) write(bits, Long.toString(expected)).get(0)) == 1;
    }

    private List<Object> write(long bits, String expected) {
        long token = lock == null ? 0 : lock.tokenHeldHere();
        List<Object> answer = slot.call(redis -> redis.<List<Object>>eval(WRITE, ScriptOutputType.MULTI,
                new String[] {slot.key, lock == null ? "" : lock.key}, Long.toString(bits), Long.toString(token), expected,
                Integer.toString(ClusterPrimitive.KEPT_SECONDS)));
        if ((Long) answer.get(0) < 0) {
            throw new IllegalMonitorStateException("a write to " + this + " under the lock's hold with fencing token "
                    + token + " was refused: that hold's lease ran out and the lock was taken since");
        }
        return answer;
    }

    @Override
    public String toString() {
        return "Value(" + typeCode() + ", on cluster " + slot.settings.name() + ", key " + slot.key + ")";
    }

    /** Travels as its settings and key, its type code and its lock. */
    @Serial
    private Object writeReplace() {
        return new Travelling(typeCode().code(), slot, lock);
    }

    private record Travelling(char code, Slot slot, LeasedLock lock) implements Serializable {
        @Serial
        private Object readResolve() {
            return new ClusterValue<>(TypeCode.of(code), lock, slot);
        }
    }
}
