package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;

/**
 * The child puts 0–9; the parent joins it, then gets five: FIFO across processes. Joining before
 * draining is safe here whatever the items' size, since {@code put} returns with the item in
 * shared memory (CPython's feeder thread makes it safe only for small data).
 */
public final class MpQueuePutGet extends Example {
    public MpQueuePutGet() {
        super("mp-queue-put-get", "a child puts 0-9; the parent joins it, then gets five in order");
    }

    static void task(Queue<Integer> q) throws Exception {
        for (int i = 0; i < 10; i++) {
            q.put(i);
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<Integer> queue = Spindle.queue();
        ChildProcess p = new ChildProcess(MpQueuePutGet::task, queue);
        p.start();
        p.join();
        System.out.println("主进程");
        for (int i = 0; i < 5; i++) {
            System.out.println(queue.get());
        }
    }
}
