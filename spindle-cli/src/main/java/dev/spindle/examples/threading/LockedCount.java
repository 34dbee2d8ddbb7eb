package dev.spindle.examples.threading;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * The seeds' lock counter: two threads each add 1 a million times to a shared number, holding the
 * lock for the whole loop, and print it when they let go. Python's program ends once its threads
 * do; here the main thread joins them and prints the final value.
 */
final class LockedCount {
    private static final int THREADS = 2;
    private static final int ADDS = 1_000_000;

    private final Lock lockObject;
    private long num = 0;

    LockedCount(Lock lockObject) {
        this.lockObject = lockObject;
    }

    private void task() {
        System.out.println("开始");
        lockObject.lock(); // 第1个抵达的线程进入并上锁，其他线程就需要再此等待。
        long now;
        try {
            for (int i = 0; i < ADDS; i++) {
                num += 1;
            }
            now = num;
        } finally {
            lockObject.unlock(); // 线程出去，并解开锁，其他线程就可以进入并执行了
        }
        System.out.println(now);
    }

    void run() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofPlatform().start(this::task));
        }
        Threads.joinAll(threads);
        lockObject.lock();
        try {
            System.out.println("final: " + num);
        } finally {
            lockObject.unlock();
        }
    }
}
