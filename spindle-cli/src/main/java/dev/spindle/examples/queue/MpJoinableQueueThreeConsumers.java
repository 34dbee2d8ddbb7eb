package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.queue.JoinableQueue;

/**
 * Three daemon consumers with random sleeps share the items; the main process produces and joins
 * the queue, so '主线程' comes after every item was taken and marked done, each exactly once.
 */
public final class MpJoinableQueueThreeConsumers extends Example {
    public MpJoinableQueueThreeConsumers() {
        super("mp-joinablequeue-3consumers", "three daemon consumers share 10 items; the producer's join() waits for all");
    }

    @Override
    public void run(String... args) throws Exception {
        JoinableQueue<String> q = Spindle.joinableQueue();
        JoinableConsumers.startThree(q, true);
        JoinableConsumers.producer(Baozi.ten(), q, true);
        System.out.println("主线程");
    }
}
