package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.sync.Semaphore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twenty threads share a Semaphore(5) and each holds it for 2 s: never more than five at once, in
 * four waves. The port counts the holders, inside the semaphore, to show the bound.
 */
public final class ThreadSemaphore extends Example {

    public ThreadSemaphore() {
        super("thread-semaphore", "20 threads share a Semaphore(5): never more than 5 holders, 4 waves");
    }

    static void func(Semaphore semaphore, AtomicInteger holders, AtomicInteger most) throws InterruptedException {
        if (semaphore.acquire(true)) {
            most.accumulateAndGet(holders.incrementAndGet(), Math::max);
            System.out.println(Thread.currentThread().getName() + " get semaphore");
            Speed.sleep(2);
            holders.decrementAndGet();
            semaphore.release();
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Semaphore semaphore = Context.threads().semaphore(5);
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            threads.add(Thread.ofPlatform().name("Thread-" + i).start(Threads.uninterrupted(() -> func(semaphore, holders, most))));
        }
        Threads.joinAll(threads);
        System.out.println("most holders at once: %d; %.2f s (4 waves of 2 s%s)".formatted(
                most.get(), Download.secondsSince(start), Speed.atSpeed(8)));
    }
}
