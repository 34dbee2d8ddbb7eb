package dev.spindle.examples.threading;

import dev.spindle.examples.Speed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * The seed's ten threads of §2.4: {@code func1} takes A then B; {@code func2} takes B, sleeps 2 s,
 * then takes A. With two plain Locks, a thread sleeping in func2 holds B while the next thread in
 * func1 holds A and waits for B: a deadlock. With one RLock as both, it cannot happen.
 */
final class MutexThreads {
    private final Lock mutexA;
    private final Lock mutexB;

    MutexThreads(Lock mutexA, Lock mutexB) {
        this.mutexA = mutexA;
        this.mutexB = mutexB;
    }

    /** Starts the ten daemon threads (Thread-1 … Thread-10), so that a deadlock cannot keep the JVM alive. */
    List<Thread> start() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            threads.add(Thread.ofPlatform().name("Thread-" + i).daemon().start(this::run));
        }
        return threads;
    }

    private void run() {
        try {
            func1();
            func2();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void func1() throws InterruptedException {
        mutexA.lockInterruptibly();
        System.out.println("%s 拿到A锁".formatted(Thread.currentThread().getName()));
        mutexB.lockInterruptibly();
        System.out.println("%s 拿到B锁".formatted(Thread.currentThread().getName()));
        mutexB.unlock();
        mutexA.unlock();
    }

    private void func2() throws InterruptedException {
        mutexB.lockInterruptibly();
        System.out.println("%s 拿到B锁".formatted(Thread.currentThread().getName()));
        Speed.sleep(2);
        mutexA.lockInterruptibly();
        System.out.println("%s 拿到A锁".formatted(Thread.currentThread().getName()));
        mutexA.unlock();
        mutexB.unlock();
    }
}
