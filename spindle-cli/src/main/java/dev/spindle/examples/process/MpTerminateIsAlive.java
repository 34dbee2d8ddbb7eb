package dev.spindle.examples.process;

import dev.spindle.examples.Example;

/** terminate() is asynchronous: isAlive() is still true right after it; the end code is -15. */
public final class MpTerminateIsAlive extends Example {
    public MpTerminateIsAlive() {
        super("mp-terminate-is-alive", "terminate is asynchronous; the exit code is -15 (SIGTERM)",
                "开始: start (printed right after terminate(), while the child may still be alive)");
    }

    @Override
    public void run(String... args) throws Exception {
        Piao p1 = new Piao("egon1", "is piaoing", 1, 5);
        p1.start();
        p1.terminate();
        System.out.println(p1.isAlive());
        System.out.println("开始");
        p1.join();
        System.out.println(p1.isAlive());
        System.out.println("exitcode " + p1.exitCode());
    }
}
