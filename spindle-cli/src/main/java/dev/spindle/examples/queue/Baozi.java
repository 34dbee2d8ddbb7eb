package dev.spindle.examples.queue;

import dev.spindle.examples.Speed;
import dev.spindle.queue.Queue;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/** The seeds' ten items (包子0 to 包子9), and the producer and consumer two seeds share. */
final class Baozi {
    private Baozi() {}

    static List<String> ten() {
        return IntStream.range(0, 10).mapToObj(i -> "包子" + i).toList();
    }

    /** Takes items after a random 1–3 s each, until the sentinel (which the first seed never puts). */
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

    /** Puts the ten items, each after a random 1–3 s. */
    static void producer(Queue<Object> q) throws Exception {
        for (String item : ten()) {
            Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            System.out.println("\033[46m生产者生产了：" + item + "\033[0m");
            q.put(item);
        }
    }
}
