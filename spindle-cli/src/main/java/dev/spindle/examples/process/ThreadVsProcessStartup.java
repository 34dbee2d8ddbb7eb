package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import java.util.concurrent.CountDownLatch;

/** A thread starts far faster than a process: 'hello' before the main line for a thread, after it for a process. */
public final class ThreadVsProcessStartup extends Example {
    public ThreadVsProcessStartup() {
        super("thread-vs-process-startup", "which starts faster: a thread or a process",
                "主线程/主进程: the main thread / main process goes on");
    }

    static void work(Connection started) throws Exception {
        started.send(System.nanoTime());
        System.out.println("hello");
    }

    @Override
    public void run(String... args) throws Exception {
        CountDownLatch threadSaidHello = new CountDownLatch(1);
        long t0 = System.nanoTime();
        Thread t = Thread.ofPlatform().start(() -> {
            System.out.println("hello");
            threadSaidHello.countDown();
        });
        threadSaidHello.await();
        long threadNanos = System.nanoTime() - t0;
        System.out.println("主线程/主进程");
        t.join();

        Pipe pipe = Pipe.open(false);
        try (Connection receiver = pipe.left(); Connection sender = pipe.right()) {
            long p0 = System.nanoTime();
            ChildProcess p = new ChildProcess(ThreadVsProcessStartup::work, sender);
            p.start();
            System.out.println("主线程/主进程");
            receiver.recv();
            long processNanos = System.nanoTime() - p0;
            p.join();
            System.out.println("thread started in %d us, process in %d us".formatted(threadNanos / 1000, processNanos / 1000));
        }
    }
}
