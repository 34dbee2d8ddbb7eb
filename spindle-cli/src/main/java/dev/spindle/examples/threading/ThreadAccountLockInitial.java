package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;

/** An account opened with 1000; 100 threads deposit 1 each under its lock: exactly 1100. */
public final class ThreadAccountLockInitial extends Example {
    public ThreadAccountLockInitial() {
        super("thread-account-lock-initial", "Account(1000) plus 100 locked deposits of 1: exactly 1100",
                "账户余额: the account balance");
    }

    @Override
    public void run(String... args) throws Exception {
        Account account = new Account(1000, Context.threads().lock());
        account.hundredDeposits();
        System.out.println("账户余额: %d元".formatted(account.balance()));
    }
}
