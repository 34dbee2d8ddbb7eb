package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.JoinableQueue;
import java.util.List;

/**
 * As the three-consumer program, but the producer, which joins the queue, is a process of its own
 * (p4), and the main process joins p4: '主线程' comes after p4 ends. The seed passes a list, not a
 * generator, because a generator cannot be pickled; here a List travels as any value.
 */
public final class MpJoinableQueueProducerProcess extends Example {
    public MpJoinableQueueProducerProcess() {
        super("mp-joinablequeue-producer-process", "the joining producer is its own process; main joins it");
    }

    static void producer(List<String> seq, JoinableQueue<String> q) throws Exception {
        JoinableConsumers.producer(seq, q, false);
    }

    @Override
    public void run(String... args) throws Exception {
        JoinableQueue<String> q = Spindle.joinableQueue();
        List<String> seq = Baozi.ten();
        JoinableConsumers.startThree(q, false);
        ChildProcess p4 = new ChildProcess(MpJoinableQueueProducerProcess::producer, seq, q);
        p4.start();
        p4.join();
        System.out.println("主线程");
    }
}
