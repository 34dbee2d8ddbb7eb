package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;

/** The same 100 deposits, each under the account's Lock: exactly 100. */
public final class ThreadAccountLock extends Example {
    public ThreadAccountLock() {
        super("thread-account-lock", "100 deposits under a Lock: exactly 100",
                "账户余额为: the account balance");
    }

    @Override
    public void run(String... args) throws Exception {
        Account account = new Account(0, Context.threads().lock());
        account.hundredDeposits();
        System.out.println("账户余额为: ￥%d元".formatted(account.balance()));
    }
}
