package dev.spindle.examples.queue;

import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.JoinableQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The three daemon consumers and the joining producer that two seeds share. */
final class JoinableConsumers {
    private JoinableConsumers() {}

    /** Takes items for ever, after a random 1–2 s each if {@code sleeps}, and marks each done. */
    static void consumer(String name, JoinableQueue<String> q, boolean sleeps) throws Exception {
        while (true) {
            if (sleeps) {
                Speed.sleep(ThreadLocalRandom.current().nextInt(1, 3));
            }
            String res = q.get();
            System.out.println("\033[45m" + name + "拿到了 " + res + "\033[0m");
            q.taskDone();
        }
    }

    static void sleepingConsumer(String name, JoinableQueue<String> q) throws Exception {
        consumer(name, q, true);
    }

    static void wakefulConsumer(String name, JoinableQueue<String> q) throws Exception {
        consumer(name, q, false);
    }

    /** Puts each item (after 1 s each if {@code sleeps}: the seed's randrange(1, 2)), then joins the queue. */
    static void producer(List<String> seq, JoinableQueue<String> q, boolean sleeps) throws Exception {
        for (String item : seq) {
            if (sleeps) {
                Speed.sleep(1);
            }
            q.put(item);
            System.out.println("\033[46m生产者做好了 " + item + "\033[0m");
        }
        q.join();
    }

    /** Starts three daemon consumers named 消费者1 to 消费者3. */
    static List<ChildProcess> startThree(JoinableQueue<String> q, boolean sleep) {
        List<ChildProcess> consumers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ChildProcess p = sleep ? new ChildProcess(JoinableConsumers::sleepingConsumer, "消费者" + i, q)
                    : new ChildProcess(JoinableConsumers::wakefulConsumer, "消费者" + i, q);
            p.daemon(true);
            p.start();
            consumers.add(p);
        }
        return consumers;
    }
}
