package dev.spindle.examples.queue;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.queue.Queue;

/** queue.Queue is first in, first out: first, second, third. */
public final class QueueFifo extends Example {
    public QueueFifo() {
        super("queue-fifo", "a thread queue is FIFO: first, second, third");
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<String> q = Context.threads().queue();
        q.put("first");
        q.put("second");
        q.put("third");
        System.out.println(q.get());
        System.out.println(q.get());
        System.out.println(q.get());
    }
}
