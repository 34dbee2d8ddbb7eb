package dev.spindle.examples.threading;

import dev.spindle.examples.Example;

/** 100 threads deposit 1 each with no lock: read, sleep, write; most deposits are lost. */
public final class ThreadAccountRace extends Example {
    public ThreadAccountRace() {
        super("thread-account-race", "100 unlocked deposits of 1: the balance ends far below 100",
                "账户余额为: the account balance");
    }

    @Override
    public void run(String... args) throws Exception {
        Account account = new Account(0, null);
        account.hundredDeposits();
        System.out.println("账户余额为: ￥%d元".formatted(account.balance()));
    }
}
