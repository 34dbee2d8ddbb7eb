package dev.spindle.examples.asyncio;

import dev.spindle.asyncio.Asyncio;
import dev.spindle.asyncio.Task;
import dev.spindle.examples.Speed;
import dev.spindle.futures.ReturnWhen;
import java.time.Duration;
import java.util.List;

/**
 * The seeds' {@code hello()} coroutine, in both its spellings ({@code @asyncio.coroutine} with
 * {@code yield from}, and {@code async def} with {@code await}: in Java both are one body). Where
 * Python prints {@code threading.current_thread()}, this prints the loop's thread: every task of
 * the loop takes its turn as if on that one thread.
 */
final class HelloWorldCoroutine {
    private HelloWorldCoroutine() {}

    static Void hello() {
        System.out.println(loopThread() + ": hello, world!");
        // 休眠不会阻塞主线程因为使用了异步I/O操作
        Asyncio.sleep(Duration.ofNanos(Math.round(2 * Speed.factor() * 1e9)));
        System.out.println(loopThread() + ": goodbye, world!");
        return null;
    }

    /** The seeds' main: {@code loop.run_until_complete(asyncio.wait([hello(), hello()]))}, with tasks. */
    static void runTwo() throws Exception {
        Asyncio.run(() -> {
            List<Task<Void>> tasks = List.of(Asyncio.createTask(HelloWorldCoroutine::hello), Asyncio.createTask(HelloWorldCoroutine::hello));
            // 等待两个异步I/O操作执行结束
            return Asyncio.wait(tasks, ReturnWhen.ALL_COMPLETED, null);
        });
    }

    private static String loopThread() {
        Thread thread = Asyncio.getRunningLoop().thread();
        return "<Thread(" + thread.getName() + ", task " + Asyncio.currentTask().getName() + ")>";
    }
}
