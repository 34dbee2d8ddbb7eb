package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;

/**
 * The same producer and consumer, with a sentinel after the 10 items ({@code None} in the seed,
 * {@link Sentinel#NONE} here): the consumer stops at it, the main process joins it, and '主线程'
 * comes last.
 */
public final class MpProdConsSentinel extends Example {
    public MpProdConsSentinel() {
        super("mp-prodcons-sentinel", "a consumer stops at the sentinel after 10 items; the program ends");
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<Object> q = Spindle.queue();
        ChildProcess c = new ChildProcess(Baozi::consumer, q);
        c.start();
        Baozi.producer(q);
        q.put(Sentinel.NONE);
        c.join();
        System.out.println("主线程");
    }
}
