package dev.spindle.examples.threading;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;

/** 方式一: a thread with a function target that sleeps 2 s; the main thread prints first. */
public final class ThreadStartFunction extends Example {
    public ThreadStartFunction() {
        super("thread-start-function", "Thread(target=sayhi): 主线程 first, the greeting 2 s later",
                "主线程: main thread");
    }

    static void sayhi(String name) throws InterruptedException {
        Speed.sleep(2);
        System.out.println("%s say hello".formatted(name));
    }

    @Override
    public void run(String... args) throws Exception {
        Thread t = Thread.ofPlatform().start(Threads.uninterrupted(() -> sayhi("egon")));
        System.out.println("主线程");
        t.join(); // Python waits for non-daemon threads at exit
    }
}
