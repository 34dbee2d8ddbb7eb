package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.sync.RLock;
import java.util.List;

/** The deadlock program with {@code mutexA = mutexB = RLock()}: every thread finishes, 40 lines. */
public final class ThreadRlockNoDeadlock extends Example {
    public ThreadRlockNoDeadlock() {
        super("thread-rlock-no-deadlock", "the same threads with one RLock as both locks: no deadlock, 40 lines",
                "拿到A锁 / 拿到B锁: got lock A / got lock B");
    }

    @Override
    public void run(String... args) throws Exception {
        RLock mutex = Context.threads().rlock(); // 一个线程拿到锁，counter加1,该线程内又碰到加锁的情况，则counter继续加1
        List<Thread> threads = new MutexThreads(mutex, mutex).start();
        Threads.joinAll(threads);
        System.out.println("all %d threads finished".formatted(threads.size()));
    }
}
