package dev.spindle.examples.threading;

import dev.spindle.examples.Example;

/** join() waits for a daemon thread too: the greeting, then 主线程, then false. */
public final class ThreadDaemonJoin extends Example {
    public ThreadDaemonJoin() {
        super("thread-daemon-join", "join waits even for a daemon thread: hello, 主线程, false",
                "主线程: main thread");
    }

    @Override
    public void run(String... args) throws Exception {
        Thread t = Thread.ofPlatform().daemon(true).start(Threads.uninterrupted(() -> ThreadStartFunction.sayhi("egon")));
        t.join();
        System.out.println("主线程");
        System.out.println(t.isAlive() ? "True" : "False");
    }
}
