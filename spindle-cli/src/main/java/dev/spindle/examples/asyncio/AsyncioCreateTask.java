package dev.spindle.examples.asyncio;

import dev.spindle.asyncio.Asyncio;
import dev.spindle.asyncio.EventLoop;
import dev.spindle.asyncio.Task;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import java.time.Duration;

/**
 * Two tasks made with {@code create_task}, each awaiting sleep(2), then awaited in turn: they sleep
 * at the same time, so main ends after about 2 s, not 4. Each task says when it starts and ends,
 * which shows the overlap without a clock.
 */
public final class AsyncioCreateTask extends Example {
    public AsyncioCreateTask() {
        super("asyncio-create-task", "two tasks created with create_task sleep 2 s at the same time: about 2 s in all, not 4");
    }

    static Void sayAfter(String name) {
        System.out.println(name + " starts sleeping");
        Asyncio.sleep(Duration.ofNanos(Math.round(2 * Speed.factor() * 1e9))); // 等待执行完成后向下执行
        System.out.println(name + " woke up");
        return null;
    }

    @Override
    public void run(String... args) throws Exception {
        double elapsed = Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            double t0 = loop.time();
            Task<Void> task1 = Asyncio.createTask(() -> sayAfter("task1")); // 执行 并不等待 向下执行
            Task<Void> task2 = Asyncio.createTask(() -> sayAfter("task2")); // 执行 并不等待 向下执行
            task1.await(); // 等待执行完成后向下执行
            task2.await(); // 等待执行完成后向下执行
            return (loop.time() - t0) / Speed.factor();
        });
        System.out.printf("main finished after %.2f s of the seed's time (two sleeps of 2 s)%s%n", elapsed, Speed.atSpeed(elapsed));
    }
}
