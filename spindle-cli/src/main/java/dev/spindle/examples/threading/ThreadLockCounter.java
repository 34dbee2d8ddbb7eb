package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;

/** Two threads add a million each under a (non-reentrant) Lock: exactly 2000000. */
public final class ThreadLockCounter extends Example {
    public ThreadLockCounter() {
        super("thread-lock-counter", "two threads add 1,000,000 each under a Lock: exactly 2000000",
                "开始: start");
    }

    @Override
    public void run(String... args) throws Exception {
        new LockedCount(Context.threads().lock()).run();
    }
}
