package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Joining four processes one by one does not serialise them: the total is the longest. */
public final class MpJoinAllParallel extends Example {
    public MpJoinAllParallel() {
        super("mp-join-all-parallel", "join waits, the processes still run in parallel");
    }

    static void piao(String name) throws InterruptedException {
        System.out.println(name + " is piaoing at " + System.currentTimeMillis());
        Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
        System.out.println(name + " is piao end at " + System.currentTimeMillis());
    }

    @Override
    public void run(String... args) throws Exception {
        long start = System.nanoTime();
        List<ChildProcess> processes = List.of("egon", "alex", "yuanhao", "wupeiqi").stream()
                .map(name -> new ChildProcess(MpJoinAllParallel::piao, name)).toList();
        for (ChildProcess p : processes) {
            p.start();
        }
        for (ChildProcess p : processes) {
            p.join();
        }
        System.out.println("主线程");
        System.out.println("total %.2f s".formatted((System.nanoTime() - start) / 1e9));
    }
}
