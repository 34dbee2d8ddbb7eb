package dev.spindle.internal.values;

import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.sync.Lock;

/**
 * A {@link Value} kept as the 64 bits of {@link Elements}' encoding in a slot somewhere (memory,
 * shared or this JVM's; a key of a cluster's Redis): the slot reads, writes, swaps and
 * compares-and-sets; the compound steps are compare-and-set loops on it, written once here.
 *
 * @param <T> the Java type of the value
 */
public abstract class SlotValue<T> extends Guarded implements Value<T> {
    private final TypeCode<T> code;

    /** A value of {@code code} guarded by {@code lock} (null: raw). */
    protected SlotValue(TypeCode<T> code, Lock lock) {
        super(lock, "RawValue");
        this.code = code;
    }

    /** The slot's bits now. */
    protected abstract long bits();

    /** Stores {@code bits} in the slot. */
    protected abstract void setBits(long bits);

    /** Stores {@code bits} and returns what the slot held. */
    protected abstract long getAndSetBits(long bits);

    /** Stores {@code bits} if the slot holds {@code expected}; whether it did. */
    protected abstract boolean compareAndSetBits(long expected, long bits);

    @Override
    public final TypeCode<T> typeCode() {
        return code;
    }

    @Override
    public final T get() {
        return Elements.fromBits(code, bits());
    }

    @Override
    public final void set(T value) {
        setBits(Elements.bits(code, value));
    }

    @Override
    public final T getAndSet(T value) {
        return Elements.fromBits(code, getAndSetBits(Elements.bits(code, value)));
    }

    @Override
    public final boolean compareAndSet(T expected, T value) {
        return compareAndSetBits(Elements.bits(code, expected), Elements.bits(code, value));
    }

    @Override
    public final T addAndGet(T delta) {
        return Elements.fromBits(code, add(delta)[1]);
    }

    @Override
    public final T getAndAdd(T delta) {
        return Elements.fromBits(code, add(delta)[0]);
    }

    /** Adds {@code delta} by compare-and-set; returns the bits before and after. */
    private long[] add(T delta) {
        while (true) {
            long before = bits();
            long after = Elements.add(code, before, delta);
            if (compareAndSetBits(before, after)) {
                return new long[] {before, after};
            }
        }
    }

    @Override
    public final T incrementAndGet() {
        return addAndGet(Elements.one(code));
    }

    @Override
    public final T decrementAndGet() {
        return addAndGet(Elements.minusOne(code));
    }

    @Override
    public String toString() {
        return "Value(" + code + ", " + get() + (hasLock() ? "" : ", raw") + ")";
    }
}
