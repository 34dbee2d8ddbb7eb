package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;

/** Threads share the process's pid; each process has its own. */
public final class ThreadVsProcessPid extends Example {
    public ThreadVsProcessPid() {
        super("thread-vs-process-pid", "threads report the parent's pid, processes their own",
                "主线程/主进程pid: the pid of the main thread / main process");
    }

    static void work(String who) {
        System.out.println("hello " + who + " " + ProcessHandle.current().pid());
    }

    @Override
    public void run(String... args) throws Exception {
        Thread t1 = Thread.ofPlatform().start(() -> work("thread"));
        Thread t2 = Thread.ofPlatform().start(() -> work("thread"));
        t1.join();
        t2.join();
        System.out.println("主线程/主进程pid " + ProcessHandle.current().pid());
        ChildProcess p1 = new ChildProcess(ThreadVsProcessPid::work, "process");
        ChildProcess p2 = new ChildProcess(ThreadVsProcessPid::work, "process");
        p1.start();
        p2.start();
        System.out.println("主线程/主进程pid " + ProcessHandle.current().pid());
        p1.join();
        p2.join();
    }
}
