package dev.spindle.examples.process;

import dev.spindle.examples.Example;

/** The name is set after construction (the fixed seed), and pid is known right after start. */
public final class MpNamePid extends Example {
    public MpNamePid() {
        super("mp-name-pid", "a named subclass process; its pid right after start");
    }

    @Override
    public void run(String... args) throws Exception {
        Piao p = new Piao("egon", "is piaoing", 1, 3);
        p.start();
        System.out.println("开始");
        System.out.println(p.pid());
        System.out.println("主进程 pid " + ProcessHandle.current().pid());
    }
}
