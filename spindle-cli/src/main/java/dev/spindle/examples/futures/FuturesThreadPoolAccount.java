package dev.spindle.examples.futures;

import dev.spindle.examples.Example;
import dev.spindle.futures.ThreadPoolExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/** 100 deposits on ThreadPoolExecutor(10), each under the account's lock: exactly 100.0. */
public final class FuturesThreadPoolAccount extends Example {
    public FuturesThreadPoolAccount() {
        super("futures-thread-pool-account", "100 locked deposits on a thread pool of 10: balance exactly 100.0");
    }

    /** 银行账户. */
    static final class Account {
        private final ReentrantLock lock = new ReentrantLock();
        private double balance = 0.0;

        void deposit(double money) throws InterruptedException {
            lock.lock(); // the lock guards the read-sleep-write below
            try {
                double newBalance = balance + money;
                Thread.sleep(1);
                balance = newBalance;
            } finally {
                lock.unlock();
            }
        }

        double balance() {
            lock.lock();
            try {
                return balance;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Account account = new Account();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(10);
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(pool.submit(() -> {
                try {
                    account.deposit(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        pool.shutdown();
        for (CompletableFuture<?> future : futures) {
            if (future.get() != null) {
                throw new IllegalStateException("a deposit returned a value");
            }
        }
        System.out.println(account.balance());
    }
}
