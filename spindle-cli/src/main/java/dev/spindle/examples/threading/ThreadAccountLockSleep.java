package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import java.util.List;

/**
 * Locked deposits from 100 threads that the seed never joins: it sleeps 2 s and hopes they are
 * done (they take about 1 s, serialised). Sleeping instead of joining is a race; the port prints
 * what the sleep saw, then joins and prints the balance that is certain.
 */
public final class ThreadAccountLockSleep extends Example {
    public ThreadAccountLockSleep() {
        super("thread-account-lock-sleep", "locked deposits, then a 2 s sleep instead of join (a race); after join, exactly 100",
                "账户余额为: the account balance");
    }

    @Override
    public void run(String... args) throws Exception {
        Account account = new Account(0, Context.threads().lock());
        List<Thread> threads = account.startHundredDeposits();
        Speed.sleep(2); // 等所有存款的线程都执行完毕 (the seed's guess)
        System.out.println("账户余额为: ￥%d元".formatted(account.balance()));
        Threads.joinAll(threads);
        System.out.println("after joining every thread: ￥%d元".formatted(account.balance()));
    }
}
