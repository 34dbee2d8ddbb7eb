package dev.spindle.examples.process;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;

/** A named child starts 10 threads, reports its pids, its thread count and its name. */
public final class MpNameThreadsSpawn extends Example {
    public MpNameThreadsSpawn() {
        super("mp-name-threads-spawn", "a child's name, parent pid and live threads; it ends after its threads");
    }

    static void func() {
        try {
            Speed.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Live non-daemon threads: Python's threading.enumerate() counts only threads the program made. */
    static long userThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive()).count();
    }

    static void task(String arg) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            Thread.ofPlatform().start(MpNameThreadsSpawn::func);
        }
        System.out.println(ProcessHandle.current().pid() + " " + Spindle.currentProcess().parentPid());
        System.out.println("线程个数 " + userThreads());
        Speed.sleep(2);
        System.out.println("当前进程的名称： " + Spindle.currentProcess().name());
    }

    @Override
    public void run(String... args) {
        System.out.println(ProcessHandle.current().pid());
        ChildProcess p = new ChildProcess(MpNameThreadsSpawn::task, "xxx");
        p.name("哈哈哈哈");
        p.start();
        System.out.println("继续执行...");
    }
}
