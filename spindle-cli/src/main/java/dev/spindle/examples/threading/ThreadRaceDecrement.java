package dev.spindle.examples.threading;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import java.util.ArrayList;
import java.util.List;

/**
 * 100 threads each read num, sleep 0.1 s, then write num − 1, with no lock: they all read 100
 * before any writes, so the result is 99, not 0.
 */
public final class ThreadRaceDecrement extends Example {
    private static volatile int num = 100; // 设定一个共享变量

    public ThreadRaceDecrement() {
        super("thread-race-decrement", "100 unlocked read-sleep-write decrements from 100: Result 99, not 0");
    }

    static void addNum() throws InterruptedException {
        int temp = num;
        Speed.sleep(0.1);
        num = temp - 1; // 对此公共变量进行-1操作
    }

    @Override
    public void run(String... args) throws Exception {
        num = 100;
        List<Thread> threadList = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            threadList.add(Thread.ofPlatform().start(Threads.uninterrupted(ThreadRaceDecrement::addNum)));
        }
        Threads.joinAll(threadList); // 等待所有线程执行完毕
        System.out.println("Result:  " + num);
    }
}
