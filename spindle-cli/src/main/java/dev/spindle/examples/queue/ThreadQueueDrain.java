package dev.spindle.examples.queue;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.threading.Threads;
import dev.spindle.queue.Empty;
import dev.spindle.queue.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A queue preloaded with 0–99 and ten threads that drain it. The seed loops on
 * {@code while not q.empty(): q.get()}, a race: between the check and the get another thread can
 * take the last item, and then the get blocks for ever. The port asks for an item without
 * blocking ({@code getNowait}) and stops on {@link Empty}. Concurrent prints merge lines, so the
 * items are also collected, and counted.
 */
public final class ThreadQueueDrain extends Example {
    public ThreadQueueDrain() {
        super("thread-queue-drain", "10 threads drain a queue of 0–99: each item is processed exactly once");
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<Integer> q = Context.threads().queue(4000); // 创建一个队列对象，把数组值放进去
        for (int i = 0; i < 100; i++) {
            q.put(i);
        }
        ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 10; t++) { // 起10个线程
            threads.add(Thread.ofPlatform().start(() -> f(q, done)));
        }
        Threads.joinAll(threads);
        Map<Integer, Integer> times = new ConcurrentHashMap<>();
        done.forEach(i -> times.merge(i, 1, Integer::sum));
        boolean once = times.size() == 100 && times.values().stream().allMatch(n -> n == 1)
                && times.keySet().stream().allMatch(i -> i >= 0 && i < 100);
        System.out.println("processed %d items; each of 0–99 exactly once: %s".formatted(done.size(), once));
    }

    /** 从队列中取出值，并调用实际操作. */
    private static void f(Queue<Integer> queue, ConcurrentLinkedQueue<Integer> done) {
        while (true) {
            int i;
            try {
                i = queue.getNowait();
            } catch (Empty e) {
                return;
            }
            System.out.println(i); // do_something
            done.add(i);
        }
    }
}
