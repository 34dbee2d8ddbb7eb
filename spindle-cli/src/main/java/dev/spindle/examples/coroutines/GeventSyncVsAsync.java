package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.gevent.Gevent;
import dev.spindle.gevent.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * A task sleeps 0.5 s: called one after another (tasks 1..9, as the seed's {@code range(1,10)}),
 * then spawned (tasks 0..9): about 4.5 s, then about 0.5 s.
 */
public final class GeventSyncVsAsync extends Example {
    public GeventSyncVsAsync() {
        super("gevent-sync-vs-async", "nine 0.5 s tasks called in turn (~4.5 s), then ten spawned at once (~0.5 s)");
    }

    /** Some non-deterministic task. */
    static void task(int pid) throws InterruptedException {
        Gevent.sleep(0.5 * Speed.factor());
        System.out.printf("Task %s done%n", pid);
    }

    static void synchronous() throws InterruptedException {
        for (int i = 1; i < 10; i++) {
            task(i);
        }
    }

    static void asynchronous() throws InterruptedException {
        List<Task<Void>> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int pid = i;
            threads.add(Gevent.spawn(() -> task(pid)));
        }
        Gevent.joinAll(threads);
    }

    @Override
    public void run(String... args) throws Exception {
        double factor = Speed.factor();
        System.out.println("Synchronous:");
        long t0 = System.nanoTime();
        synchronous();
        System.out.printf("(%.2f s of the seed's time)%n", (System.nanoTime() - t0) / 1e9 / factor);
        System.out.println("Asynchronous:");
        t0 = System.nanoTime();
        asynchronous();
        System.out.printf("(%.2f s of the seed's time)%n", (System.nanoTime() - t0) / 1e9 / factor);
    }
}
