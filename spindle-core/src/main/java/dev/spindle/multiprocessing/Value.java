package dev.spindle.multiprocessing;

import dev.spindle.sync.Lock;

/**
 * A typed scalar in shared memory (Python's {@code multiprocessing.Value} and {@code RawValue}),
 * made by a {@link dev.spindle.Context}: {@code Context.processes().value(TypeCode.INT, 0)} for
 * child processes and pool tasks too, when passed to them; {@code Context.threads().value(...)}
 * for the threads of this JVM.
 *
 * <p>Each {@link #get} and {@link #set} is atomic (volatile). As in Python, a compound step such
 * as {@code v.set(v.get() + 1)} is not: hold {@link #getLock()} around it, or use the lock-free
 * {@link #incrementAndGet}, {@link #addAndGet}, {@link #compareAndSet} (beyond CPython).
 *
 * <p>Memory consistency: a {@code set} (or an atomic update) happens-before every {@code get}, in
 * any process, that reads what it wrote; the lock orders what its holders do, as every lock.
 *
 * @param <T> the Java type of the value (see {@link TypeCode})
 */
public interface Value<T> {
    /** The type code. */
    TypeCode<T> typeCode();

    /** The value (Python's {@code .value}). */
    T get();

    /** Sets the value (Python's {@code .value = …}), stored as the type code stores it. */
    void set(T value);

    /**
     * The lock that guards compound steps (Python's {@code get_lock()}), shared as the value is: a
     * new {@link dev.spindle.sync.RLock} of its own, or the lock it was made with
     * ({@link dev.spindle.Context#value(TypeCode, Object, Lock)}).
     *
     * @throws UnsupportedOperationException for a raw value (Python's {@code RawValue}), which has none
     */
    Lock getLock();

    /** Whether the value has a lock: false for a raw one. */
    boolean hasLock();

    /** Atomically sets the value to {@code value} and returns the old one. */
    T getAndSet(T value);

    /**
     * Atomically sets the value to {@code value} if it is {@code expected} (compared as stored: the
     * bit pattern, for floats and doubles).
     *
     * @return whether it was
     */
    boolean compareAndSet(T expected, T value);

    /**
     * Atomically adds {@code delta} and returns the new value, wrapping as the type stores it.
     *
     * @throws UnsupportedOperationException if the type is not a number ({@code 'u'}, {@code '?'})
     */
    T addAndGet(T delta);

    /** As {@link #addAndGet}, returning the old value. */
    T getAndAdd(T delta);

    /** Atomically adds one and returns the new value; see {@link #addAndGet}. */
    T incrementAndGet();

    /** Atomically subtracts one and returns the new value; see {@link #addAndGet}. */
    T decrementAndGet();
}
