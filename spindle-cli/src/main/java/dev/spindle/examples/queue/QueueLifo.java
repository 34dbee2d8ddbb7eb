package dev.spindle.examples.queue;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.queue.Queue;

/** queue.LifoQueue is last in, first out: third, second, first. */
public final class QueueLifo extends Example {
    public QueueLifo() {
        super("queue-lifo", "a LIFO queue (Python's LifoQueue) hands back the newest first: third, second, first");
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<String> q = Context.threads().lifoQueue(3);
        q.put("first");
        q.put("second");
        q.put("third");
        System.out.println(q.get());
        System.out.println(q.get());
        System.out.println(q.get());
    }
}
