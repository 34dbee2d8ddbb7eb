package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.JoinableQueue;

/**
 * A daemon consumer marks each item done; the main process, the producer, joins the queue, so
 * every "消费者拿到了" line comes before '主线程'; then the program ends and the daemon is killed.
 * As the text says, one {@code task_done()} too many raises an error (ValueError in Python).
 */
public final class MpJoinableQueueOneConsumer extends Example {
    public MpJoinableQueueOneConsumer() {
        super("mp-joinablequeue-1consumer", "a daemon consumer calls taskDone(); the producer's join() waits for all 10");
    }

    static void consumer(JoinableQueue<String> q) throws Exception {
        while (true) {
            String res = q.get();
            System.out.println("消费者拿到了 " + res);
            q.taskDone();
        }
    }

    static void producer(Iterable<String> seq, JoinableQueue<String> q) throws Exception {
        for (String item : seq) {
            q.put(item);
            System.out.println("生产者做好了 " + item);
        }
        q.join();
    }

    @Override
    public void run(String... args) throws Exception {
        JoinableQueue<String> q = Spindle.joinableQueue();
        ChildProcess p = new ChildProcess(MpJoinableQueueOneConsumer::consumer, q).daemon(true);
        p.start();
        producer(Baozi.ten(), q);
        System.out.println("主线程");
        try {
            q.taskDone();
        } catch (IllegalStateException e) {
            System.out.println("one task_done() too many: " + e.getMessage());
        }
    }
}
