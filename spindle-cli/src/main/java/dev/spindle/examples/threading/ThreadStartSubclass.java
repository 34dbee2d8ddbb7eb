package dev.spindle.examples.threading;

import dev.spindle.examples.Example;

/** 方式二: a named Thread subclass; the main thread prints first. */
public final class ThreadStartSubclass extends Example {
    public ThreadStartSubclass() {
        super("thread-start-subclass", "a Sayhi(Thread) subclass: 主线程 first, the greeting 2 s later",
                "主线程: main thread");
    }

    /** A thread that greets by its name. */
    static final class Sayhi extends Thread {
        Sayhi(String name) {
            super(name);
        }

        @Override
        public void run() {
            Threads.uninterrupted(() -> ThreadStartFunction.sayhi(getName())).run();
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Sayhi t = new Sayhi("egon");
        t.start();
        System.out.println("主线程");
        t.join();
    }
}
