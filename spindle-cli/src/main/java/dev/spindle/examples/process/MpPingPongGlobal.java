package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;

/** Each process has its own copy of a static counter: 10 Ping and 10 Pong, not 10 in all. */
public final class MpPingPongGlobal extends Example {
    /** Python's module global: one per JVM, so one per process. */
    static int counter = 0;

    public MpPingPongGlobal() {
        super("mp-pingpong-global", "a static counter is per process: 10 Ping and 10 Pong");
    }

    static void subTask(String string) throws InterruptedException {
        while (counter < 10) {
            System.out.print(string);
            System.out.flush();
            counter += 1;
            Speed.sleep(0.01);
        }
    }

    @Override
    public void run(String... args) {
        new ChildProcess(MpPingPongGlobal::subTask, "Ping").start();
        new ChildProcess(MpPingPongGlobal::subTask, "Pong").start();
    }
}
