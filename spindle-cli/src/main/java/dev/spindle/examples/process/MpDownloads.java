package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.concurrent.ThreadLocalRandom;

/** Two fake downloads in two processes: the total is the longer one, not the sum. */
public final class MpDownloads extends Example {
    public MpDownloads() {
        super("mp-downloads", "two downloads in two processes take as long as the longer one",
                "each child says it started (its pid), which file it downloads and that it finished in N seconds of"
                        + " seed time; the parent prints the total (总共耗费了, real time) and its own pid (主进程号)");
    }

    static void downloadTask(String filename) throws InterruptedException {
        System.out.println("启动下载进程，进程号[%d].".formatted(ProcessHandle.current().pid()));
        System.out.println("开始下载%s...".formatted(filename));
        int timeToDownload = ThreadLocalRandom.current().nextInt(5, 11);
        Speed.sleep(timeToDownload);
        System.out.println("%s下载完成! 耗费了%d秒%s".formatted(filename, timeToDownload, Speed.atSpeed(timeToDownload)));
    }

    @Override
    public void run(String... args) throws Exception {
        long start = System.nanoTime();
        ChildProcess p1 = new ChildProcess(MpDownloads::downloadTask, "Python从入门到住院.pdf");
        p1.start();
        ChildProcess p2 = new ChildProcess(MpDownloads::downloadTask, "Peking Hot.avi");
        p2.start();
        p1.join();
        p2.join();
        System.out.println("总共耗费了%.2f秒.".formatted((System.nanoTime() - start) / 1e9));
        System.out.println("主进程号[%d].".formatted(ProcessHandle.current().pid()));
    }
}
