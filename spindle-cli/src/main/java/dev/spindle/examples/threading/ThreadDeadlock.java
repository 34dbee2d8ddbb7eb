package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ten threads take two Locks in opposite orders and deadlock. The seed hangs for ever; the port's
 * threads are daemons, and the main thread gives them a deadline (5 s of seed time, more than
 * func2's 2 s sleep), then reports which are still alive and what they wait in, and ends.
 */
public final class ThreadDeadlock extends Example {
    private static final double DEADLINE_SECONDS = 5;

    public ThreadDeadlock() {
        super("thread-deadlock", "two Locks taken in opposite orders: the output stops and the threads never finish",
                "拿到A锁 / 拿到B锁: got lock A / got lock B");
    }

    @Override
    public void run(String... args) throws Exception {
        List<Thread> threads = new MutexThreads(Context.threads().lock(), Context.threads().lock()).start();
        long deadline = System.nanoTime() + Math.round(DEADLINE_SECONDS * Speed.factor() * 1e9);
        for (Thread t : threads) {
            t.join(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        List<Thread> alive = threads.stream().filter(Thread::isAlive).toList();
        System.out.println("死锁: after %s s of seed time, %d of 10 threads are still alive: %s".formatted(
                DEADLINE_SECONDS, alive.size(), alive.stream().map(t -> t.getName() + " " + t.getState())
                        .collect(Collectors.joining(", "))));
        System.out.println("(the seed never exits here; these threads are daemons, so the program can)");
    }
}
