package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.examples.other.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The thread-safe {@code @singleton} decorator (double-checked under an RLock), with the driver
 * the seed lacks: 20 threads, released together, call a class whose constructor is slow. With the
 * lock they all get one instance, made once; the seed's first, unlocked decorator makes several.
 */
public final class SingletonDecoratorThreadsafe extends Example {
    private static final int THREADS = 20;

    public SingletonDecoratorThreadsafe() {
        super("singleton-decorator-threadsafe", "20 threads call a @singleton class at once: with the lock one instance, without it several");
    }

    /** A class with a slow constructor that counts its runs. */
    static final class President {
        President(AtomicInteger constructed) throws InterruptedException {
            constructed.incrementAndGet();
            Speed.sleep(0.05);
        }
    }

    @Override
    public void run(String... args) throws Exception {
        AtomicInteger constructed = new AtomicInteger();
        Supplier<President> cls = () -> {
            try {
                return new President(constructed);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        report("thread-safe (RLock)", callAtOnce(Singleton.threadSafe(cls, Context.threads().rlock())), constructed);
        constructed.set(0);
        report("unlocked", callAtOnce(Singleton.of(cls)), constructed);
    }

    private static Set<President> callAtOnce(Singleton<President> president) throws InterruptedException {
        Set<President> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofPlatform().start(Threads.uninterrupted(() -> {
                go.await();
                seen.add(president.get());
            })));
        }
        go.countDown();
        Threads.joinAll(threads);
        return seen;
    }

    private static void report(String way, Set<President> seen, AtomicInteger constructed) {
        System.out.println("%s: %d threads saw %d instance(s); the constructor ran %d time(s)".formatted(
                way, THREADS, seen.size(), constructed.get()));
    }
}
