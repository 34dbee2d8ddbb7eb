package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;

/** The same counter under an RLock (which, unlike a Lock, its owner may acquire again): exactly 2000000. */
public final class ThreadRlockCounter extends Example {
    public ThreadRlockCounter() {
        super("thread-rlock-counter", "two threads add 1,000,000 each under an RLock: exactly 2000000",
                "开始: start");
    }

    @Override
    public void run(String... args) throws Exception {
        new LockedCount(Context.threads().rlock()).run();
    }
}
