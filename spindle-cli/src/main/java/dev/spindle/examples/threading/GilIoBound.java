package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.BaseProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * 1000 threads that each sleep 2 s (I/O stands in) take about 2 s in all, and every one reports
 * the parent's pid. The seed's processes variant (1000 processes, about 25 s, mostly start-up) is
 * scaled down here to 4 child JVMs, which shows the same cost per process.
 */
public final class GilIoBound extends Example {
    private static final int THREADS = 1000;
    private static final int PROCESSES = 4;

    public GilIoBound() {
        super("gil-io-bound", "1000 threads each sleep 2 s: about 2 s in all; processes pay their start-up");
    }

    static void work() throws InterruptedException {
        Speed.sleep(2); // 模拟I/O操作
        System.out.println(ProcessHandle.current().pid());
    }

    @Override
    public void run(String... args) throws Exception {
        long start = System.nanoTime();
        List<Thread> tL = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tL.add(Thread.ofPlatform().start(Threads.uninterrupted(GilIoBound::work)));
        }
        Threads.joinAll(tL);
        System.out.println("%d threads: run time is %.3f s, each sleeping %.2f s".formatted(THREADS, Download.secondsSince(start),
                2 * Speed.factor()));
        start = System.nanoTime();
        List<BaseProcess> pL = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            BaseProcess p = Context.processes().process(GilIoBound::work);
            p.start();
            pL.add(p);
        }
        for (BaseProcess p : pL) {
            p.join();
        }
        System.out.println("%d processes: run time is %.3f s (each a child JVM)".formatted(PROCESSES, Download.secondsSince(start)));
    }
}
