package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.concurrent.ThreadLocalRandom;

/** Four processes with a function target; the main line prints at once. */
public final class MpStartFunction extends Example {
    public MpStartFunction() {
        super("mp-start-function", "four processes from a function target; main goes on at once");
    }

    static void piao(String name) throws InterruptedException {
        System.out.println(name + " piaoing");
        Speed.sleep(ThreadLocalRandom.current().nextInt(1, 5));
        System.out.println(name + " piao end");
    }

    @Override
    public void run(String... args) {
        for (String name : new String[] {"egon", "alex", "wupeqi", "yuanhao"}) {
            new ChildProcess(MpStartFunction::piao, name).start();
        }
        System.out.println("主线程");
    }
}
