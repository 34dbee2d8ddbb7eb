package dev.spindle.examples.threading;

import dev.spindle.examples.Example;

/** Two downloads in two threads (a function target), joined: the total is the longer one, not the sum. */
public final class ThreadDownloads extends Example {
    public ThreadDownloads() {
        super("thread-downloads", "two downloads in two threads take as long as the longer one",
                "开始下载: started downloading; 下载完成! 耗费了N秒: finished in N seconds; 总共耗费了: total time");
    }

    @Override
    public void run(String... args) throws Exception {
        long start = System.nanoTime();
        Thread t1 = Thread.ofPlatform().start(Threads.uninterrupted(() -> Download.download("Python从入门到住院.pdf")));
        Thread t2 = Thread.ofPlatform().start(Threads.uninterrupted(() -> Download.download("Peking Hot.avi")));
        t1.join();
        t2.join();
        System.out.println("总共耗费了%.3f秒".formatted(Download.secondsSince(start)));
    }
}
