package dev.spindle.examples.futures;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.futures.ProcessPoolExecutor;

/** shutdown(wait=true) returns only after all ten tasks ran, four at a time. */
public final class PpeShutdownWait extends Example {
    public PpeShutdownWait() {
        super("ppe-shutdown-wait", "ProcessPoolExecutor(4): shutdown(true) waits for all 10 tasks, then 1 prints",
                "执行: running task N");
    }

    static Void task(int num) throws InterruptedException {
        System.out.println("执行 " + num + " (pid " + ProcessHandle.current().pid() + ")");
        Speed.sleep(2);
        return null;
    }

    @Override
    public void run(String... args) throws Exception {
        ProcessPoolExecutor pool = new ProcessPoolExecutor(4);
        for (int i = 0; i < 10; i++) {
            pool.submit(PpeShutdownWait::task, i);
        }
        pool.shutdown(true, false); // 等待进程池中的任务都执行完毕后，再继续往后执行。
        System.out.println(1);
    }
}
