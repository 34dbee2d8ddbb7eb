package dev.spindle.examples.threading;

import dev.spindle.examples.Speed;
import dev.spindle.sync.Lock;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' bank account: a deposit reads the balance, takes 0.01 s of seed time to "process",
 * then writes the new balance. Without a lock concurrent deposits overwrite each other; with one
 * (acquire, then release in finally) every deposit counts.
 */
final class Account {
    private final Lock lock;
    private volatile int balance;

    /** @param lock the lock that guards deposits, or null for none */
    Account(int balance, Lock lock) {
        this.balance = balance;
        this.lock = lock;
    }

    void deposit(int money) throws InterruptedException {
        if (money <= 0) {
            return;
        }
        if (lock == null) {
            unguardedDeposit(money);
            return;
        }
        lock.acquire(); // 先获取锁才能执行后续的代码
        try {
            unguardedDeposit(money);
        } finally {
            lock.release(); // 在finally中执行释放锁的操作保证正常异常锁都能释放
        }
    }

    private void unguardedDeposit(int money) throws InterruptedException {
        int newBalance = balance + money; // 计算存款后的余额
        Speed.sleep(0.01); // 模拟受理存款业务需要0.01秒的时间
        balance = newBalance; // 修改账户余额
    }

    int balance() {
        return balance;
    }

    /** 100 threads (the seed's AddMoneyThread) each deposit 1; started, not joined. */
    List<Thread> startHundredDeposits() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            threads.add(Thread.ofPlatform().start(Threads.uninterrupted(() -> deposit(1))));
        }
        return threads;
    }

    /** 100 deposits of 1 from 100 threads, all joined (等所有存款的线程都执行完毕). */
    void hundredDeposits() throws InterruptedException {
        Threads.joinAll(startHundredDeposits());
    }
}
