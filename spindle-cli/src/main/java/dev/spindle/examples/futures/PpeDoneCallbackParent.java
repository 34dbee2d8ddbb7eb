package dev.spindle.examples.futures;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.futures.ProcessPoolExecutor;

/** Done-callbacks of a process pool run in the parent (MainProcess), one after another. */
public final class PpeDoneCallbackParent extends Example {
    public PpeDoneCallbackParent() {
        super("ppe-done-callback-parent", "50 tasks: every done-callback runs in MainProcess, each result once");
    }

    static int task(int num) throws InterruptedException {
        System.out.println("执行 " + num);
        Speed.sleep(2);
        return num;
    }

    static void done(Integer result) {
        try {
            System.out.println(Spindle.currentProcess());
            Speed.sleep(1);
            System.out.println(result);
            Speed.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run(String... args) throws Exception {
        ProcessPoolExecutor pool = new ProcessPoolExecutor(4);
        for (int i = 0; i < 50; i++) {
            pool.submit(PpeDoneCallbackParent::task, i).thenAccept(PpeDoneCallbackParent::done); // done的调用由主进程处理
        }
        System.out.println(Spindle.currentProcess());
        pool.shutdown(true, false);
    }
}
