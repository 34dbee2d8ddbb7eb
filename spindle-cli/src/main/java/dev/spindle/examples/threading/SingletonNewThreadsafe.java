package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.sync.RLock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code __new__} singleton with a class-level RLock and a double check: ten threads print the
 * same object. As in Python, the factory re-initialises the one instance on every call.
 */
public final class SingletonNewThreadsafe extends Example {
    public SingletonNewThreadsafe() {
        super("singleton-new-threadsafe", "a double-checked singleton under an RLock: 10 threads print one object");
    }

    /** One instance, made under the lock the first time. */
    static final class Singleton {
        private static volatile Singleton instance;
        private static final RLock lock = Context.threads().rlock();
        volatile String name;

        private Singleton() {}

        static Singleton create(String name) {
            Singleton made = instance; // 加性能: no lock once it exists
            if (made == null) {
                try (var _ = lock.hold()) {
                    made = instance;
                    if (made == null) {
                        made = new Singleton();
                        instance = made;
                    }
                }
            }
            made.name = name; // Python's __init__ runs again
            return made;
        }

        @Override
        public String toString() {
            return "<Singleton object at 0x%x>".formatted(System.identityHashCode(this));
        }
    }

    @Override
    public void run(String... args) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            threads.add(Thread.ofPlatform().start(() -> System.out.println(Singleton.create("x"))));
        }
        Threads.joinAll(threads);
        Singleton obj1 = Singleton.create("武沛齐");
        Singleton obj2 = Singleton.create("武沛齐");
        System.out.println("obj1 is obj2: " + (obj1 == obj2));
    }
}
