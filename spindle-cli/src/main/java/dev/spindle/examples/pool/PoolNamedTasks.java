package dev.spindle.examples.pool;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.function.CheckedCallable;
import dev.spindle.multiprocessing.Pool;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Six named tasks of random length on Pool(4): four workers, reused as tasks finish. */
public final class PoolNamedTasks extends Example {
    public PoolNamedTasks() {
        super("pool-named-tasks", "6 named tasks on Pool(4): at most 4 worker pids, 'done' after every task");
    }

    /** Each line is printed whole (println of a formatted string): workers share the terminal. */
    private static Void task(String name, int maxSeconds) throws InterruptedException {
        System.out.println("%nRun task %s-%d".formatted(name, ProcessHandle.current().pid()));
        long start = System.nanoTime();
        Speed.sleep(ThreadLocalRandom.current().nextDouble() * maxSeconds);
        System.out.println("Task %s runs %.2f seconds.".formatted(name, (System.nanoTime() - start) / 1e9));
        return null;
    }

    static Void lee() throws InterruptedException {
        return task("Lee", 10);
    }

    static Void marlon() throws InterruptedException {
        return task("Marlon", 40);
    }

    static Void allen() throws InterruptedException {
        return task("Allen", 30);
    }

    static Void frank() throws InterruptedException {
        return task("Frank", 20);
    }

    static Void egon() throws InterruptedException {
        return task("Egon", 20);
    }

    static Void lily() throws InterruptedException {
        return task("Lily", 20);
    }

    @Override
    public void run(String... args) throws Exception {
        List<CheckedCallable<Void>> functionList = List.of(
                PoolNamedTasks::lee, PoolNamedTasks::marlon, PoolNamedTasks::allen,
                PoolNamedTasks::frank, PoolNamedTasks::egon, PoolNamedTasks::lily);
        System.out.println("parent process " + ProcessHandle.current().pid());
        Pool pool = Pool.of(4);
        for (CheckedCallable<Void> func : functionList) {
            pool.applyAsync(func);
        }
        System.out.println("Waiting for all subprocesses done...");
        pool.shutdown();
        pool.join();
        System.out.println("All subprocesses done.");
    }
}
