package dev.spindle.examples.threading;

import dev.spindle.examples.Example;

/**
 * The same two downloads with a {@code DownloadTask} subclass of Thread overriding {@code run}.
 * Like Python's, a Java thread is non-daemon unless made a daemon.
 */
public final class ThreadDownloadsSubclass extends Example {
    public ThreadDownloadsSubclass() {
        super("thread-downloads-subclass", "the same downloads with a Thread subclass: the longer one, not the sum",
                "开始下载: started downloading; 下载完成! 耗费了N秒: finished in N seconds; 总共耗费了: total time");
    }

    /** A thread that downloads one file. */
    static final class DownloadTask extends Thread {
        private final String filename;

        DownloadTask(String filename) {
            this.filename = filename;
        }

        @Override
        public void run() {
            Threads.uninterrupted(() -> Download.download(filename)).run();
        }
    }

    @Override
    public void run(String... args) throws Exception {
        long start = System.nanoTime();
        DownloadTask t1 = new DownloadTask("Python从入门到住院.pdf");
        t1.start();
        DownloadTask t2 = new DownloadTask("Peking Hot.avi");
        t2.start();
        t1.join();
        t2.join();
        System.out.println("总共耗费了%.2f秒.".formatted(Download.secondsSince(start)));
    }
}
