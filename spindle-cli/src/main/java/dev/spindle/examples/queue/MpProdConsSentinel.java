package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The same producer and consumer, with a sentinel after the 10 items ({@code None} in the seed,
 * {@link Sentinel#NONE} here): the consumer stops at it, the main process joins it, and '主线程'
 * comes last.
 */
public final class MpProdConsSentinel extends Example {
    public MpProdConsSentinel() {
        super("mp-prodcons-sentinel", "a consumer stops at the sentinel after 10 items; the program ends");
    }

    static void consumer(Queue<Object> q) throws Exception {
        while (true) {
            Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            Object res = q.get();
            if (res == Sentinel.NONE) {
                break;
            }
            System.out.println("\033[45m消费者拿到了：" + res + "\033[0m");
        }
    }

    static void producer(Iterable<String> seq, Queue<Object> q) throws Exception {
        for (String item : seq) {
            Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            System.out.println("\033[46m生产者生产了：" + item + "\033[0m");
            q.put(item);
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<Object> q = Spindle.queue();
        ChildProcess c = new ChildProcess(MpProdConsSentinel::consumer, q);
        c.start();
        producer(Baozi.ten(), q);
        q.put(Sentinel.NONE);
        c.join();
        System.out.println("主线程");
    }
}
