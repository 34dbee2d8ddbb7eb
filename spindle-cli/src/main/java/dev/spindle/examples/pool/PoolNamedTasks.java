package dev.spindle.examples.pool;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.Pool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Six named tasks of random length on Pool(4): four workers, reused as tasks finish. */
public final class PoolNamedTasks extends Example {
    public PoolNamedTasks() {
        super("pool-named-tasks", "6 named tasks on Pool(4): at most 4 worker pids, 'done' after every task");
    }

    /**
     * The seed's six functions (Lee, Marlon, …) differ only in name and longest sleep. Each line
     * is printed whole (println of a formatted string): the workers share the terminal.
     */
    static Void task(String name, int maxSeconds) throws InterruptedException {
        System.out.println("%nRun task %s-%d".formatted(name, ProcessHandle.current().pid()));
        long start = System.nanoTime();
        Speed.sleep(ThreadLocalRandom.current().nextDouble() * maxSeconds);
        System.out.println("Task %s runs %.2f seconds.".formatted(name, (System.nanoTime() - start) / 1e9));
        return null;
    }

    @Override
    public void run(String... args) throws Exception {
        Map<String, Integer> functionList = new LinkedHashMap<>();
        functionList.put("Lee", 10);
        functionList.put("Marlon", 40);
        functionList.put("Allen", 30);
        functionList.put("Frank", 20);
        functionList.put("Egon", 20);
        functionList.put("Lily", 20);
        System.out.println("parent process " + ProcessHandle.current().pid());
        Pool pool = Pool.of(4);
        functionList.forEach((name, maxSeconds) -> pool.applyAsync(PoolNamedTasks::task, name, maxSeconds));
        System.out.println("Waiting for all subprocesses done...");
        pool.shutdown();
        pool.join();
        System.out.println("All subprocesses done.");
    }
}
