package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * [fork-only] Under fork the child's copy of a held lock is still held. A child JVM gets a copy
 * whose state is not inherited: it is free, so the child's threads take it at once, while the
 * parent still holds its own. Share a lock across processes explicitly instead.
 */
public final class MpForkHeldLock extends Example {
    public MpForkHeldLock() {
        super("mp-fork-held-lock", "[fork-only, as a contrast] a lock's state is not inherited by a child JVM");
    }

    static void func(ReentrantLock lock) {
        System.out.println("来了");
        lock.lock();
        try {
            System.out.println(666);
            Speed.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    static void task(ReentrantLock lock) throws InterruptedException {
        System.out.println("子进程拿到的锁被占用吗? " + lock.isLocked());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            threads.add(Thread.ofPlatform().start(() -> func(lock)));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Override
    public void run(String... args) throws Exception {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        try {
            ChildProcess p1 = new ChildProcess(MpForkHeldLock::task, lock);
            p1.start();
            p1.join();
            System.out.println("父进程仍持有自己的锁: " + lock.isHeldByCurrentThread());
        } finally {
            lock.unlock();
        }
    }
}
