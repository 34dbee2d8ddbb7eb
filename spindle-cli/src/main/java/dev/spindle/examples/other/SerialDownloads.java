package dev.spindle.examples.other;

import dev.spindle.examples.Example;
import dev.spindle.examples.threading.Download;

/** Two downloads one after the other: the baseline for mp-downloads and thread-downloads; the total is the sum. */
public final class SerialDownloads extends Example {
    public SerialDownloads() {
        super("serial-downloads", "two downloads one after the other take the sum of both",
                "开始下载: started downloading; 下载完成! 耗费了N秒: finished in N seconds; 总共耗费了: total time");
    }

    @Override
    public void run(String... args) throws Exception {
        long start = System.nanoTime();
        Download.download("Python从入门到住院.pdf");
        Download.download("Peking Hot.avi");
        System.out.println("总共耗费了%.2f秒.".formatted((System.nanoTime() - start) / 1e9));
    }
}
