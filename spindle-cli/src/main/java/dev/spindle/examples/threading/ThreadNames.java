package dev.spindle.examples.threading;

import dev.spindle.examples.Example;
import java.util.ArrayList;
import java.util.List;

/** Ten threads named 日魔-0 … 日魔-9 before they start; each prints its own name. */
public final class ThreadNames extends Example {
    public ThreadNames() {
        super("thread-names", "ten named threads each print Thread.currentThread().getName()");
    }

    static void task(int arg) {
        String name = Thread.currentThread().getName(); // 获取当前执行此代码的线程
        System.out.println(name);
    }

    @Override
    public void run(String... args) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread t = Thread.ofPlatform().unstarted(() -> task(11));
            t.setName("日魔-" + i);
            t.start();
            threads.add(t);
        }
        Threads.joinAll(threads);
    }
}
