package dev.spindle.examples.other;

import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * The seeds' {@code @singleton} class decorator as a Java value: it wraps a constructor and hands
 * out the one instance it made on the first call. With a lock it checks twice (once without the
 * lock, so that later calls do not lock, then again under it); without one it is not thread-safe.
 * {@link #wrapped()} is Python's {@code __wrapped__}: the undecorated constructor.
 *
 * @param <T> what the constructor makes
 */
public final class Singleton<T> implements Supplier<T> {
    private final Supplier<T> cls;
    private final Lock locker;
    private volatile T instance;

    private Singleton(Supplier<T> cls, Lock locker) {
        this.cls = Objects.requireNonNull(cls, "cls");
        this.locker = locker;
    }

    /** The seed's first decorator: a closure over a dict, not thread-safe. */
    public static <T> Singleton<T> of(Supplier<T> cls) {
        return new Singleton<>(cls, null);
    }

    /** 线程安全的单例装饰器: double-checked under {@code locker}. */
    public static <T> Singleton<T> threadSafe(Supplier<T> cls, Lock locker) {
        return new Singleton<>(cls, Objects.requireNonNull(locker, "locker"));
    }

    @Override
    public T get() {
        if (instance == null) {
            if (locker == null) {
                instance = cls.get();
            } else {
                locker.lock();
                try {
                    if (instance == null) {
                        instance = cls.get();
                    }
                } finally {
                    locker.unlock();
                }
            }
        }
        return instance;
    }

    /** The undecorated constructor: each call makes a new instance. */
    public Supplier<T> wrapped() {
        return cls;
    }
}
