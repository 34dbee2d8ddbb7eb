package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;
import java.time.Duration;

/**
 * A consumer process loops on {@code q.get()} for ever; the main process produces 10 包子 with
 * random 1–3 s sleeps. Every item is consumed and '主线程' is printed, but the program would never
 * end: the consumer waits for an item that never comes (the seed's point, which motivates the
 * sentinel). The port shows that with a deadline, then terminates the consumer.
 */
public final class MpProdConsNoSentinel extends Example {
    public MpProdConsNoSentinel() {
        super("mp-prodcons-no-sentinel", "a consumer without a sentinel never ends: shown with a deadline [hangs]");
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<Object> q = Spindle.queue();
        ChildProcess c = new ChildProcess(Baozi::consumer, q);
        c.start();
        Baozi.producer(q);
        System.out.println("主线程");
        Duration deadline = Duration.ofMillis(Math.max(1000, Math.round(8000 * Speed.factor())));
        while (!q.empty()) {
            Thread.sleep(10); // the last items are still being eaten
        }
        if (!c.join(deadline)) {
            System.out.println("the consumer is still blocked in q.get() " + deadline.toMillis()
                    + " ms after the last item: it would wait for ever; terminating it");
            c.terminate();
            c.join();
        }
    }
}
