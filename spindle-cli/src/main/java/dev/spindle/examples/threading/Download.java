package dev.spindle.examples.threading;

import dev.spindle.examples.Speed;
import java.util.concurrent.ThreadLocalRandom;

/** The seeds' fake download (sleep randint(5, 10)), shared by the serial, threaded and _thread versions. */
public final class Download {
    private Download() {}

    /** 开始下载, a 5–10 s sleep of seed time, then 下载完成 with the seconds it took. */
    public static void download(String filename) throws InterruptedException {
        System.out.println("开始下载%s...".formatted(filename));
        int timeToDownload = ThreadLocalRandom.current().nextInt(5, 11);
        Speed.sleep(timeToDownload);
        System.out.println("%s下载完成! 耗费了%d秒%s".formatted(filename, timeToDownload, Speed.atSpeed(timeToDownload)));
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
