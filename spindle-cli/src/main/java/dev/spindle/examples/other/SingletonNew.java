package dev.spindle.examples.other;

import dev.spindle.examples.Example;

/**
 * A singleton through {@code __new__}: the class hands back its one instance, but Python then
 * runs {@code __init__} again, so the second call renames it. The port's factory does the same in
 * two steps. Not thread-safe, which leads to singleton-new-threadsafe.
 */
public final class SingletonNew extends Example {
    public SingletonNew() {
        super("singleton-new", "a __new__-style singleton: obj1 is obj2, and the second call's name wins");
    }

    /** A class with one instance, re-initialised on every call, as Python's __new__ + __init__ do. */
    static final class Singleton {
        private static Singleton instance;
        String name;

        private Singleton() {}

        static Singleton create(String name) {
            if (instance == null) { // 返回空对象
                instance = new Singleton();
            }
            instance.name = name; // __init__ runs again on the one instance
            return instance;
        }

        @Override
        public String toString() {
            return "<Singleton object at 0x%x>".formatted(System.identityHashCode(this));
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Singleton obj1 = Singleton.create("alex");
        Singleton obj2 = Singleton.create("SB");
        System.out.println(obj1 + " " + obj2);
        System.out.println("obj1 is obj2: " + (obj1 == obj2) + "; obj1.name = " + obj1.name);
    }
}
