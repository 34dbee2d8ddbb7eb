package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.queue.Full;
import dev.spindle.queue.Queue;
import java.time.Duration;

/**
 * {@code Queue(3)} in one process: put 3, {@code full()}, get 3, {@code empty()}. Then what the
 * text says of a fourth item: {@code put_nowait} raises {@code queue.Full}, and {@code put} blocks
 * (shown with a timeout, so the program ends).
 */
public final class MpQueueFullEmpty extends Example {
    public MpQueueFullEmpty() {
        super("mp-queue-full-empty", "Queue(3): full() after 3 puts, empty() after 3 gets; a 4th put_nowait raises Full");
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<Integer> q = Spindle.queue(3);
        q.put(3);
        q.put(3);
        q.put(3);
        System.out.println(python(q.full())); // 满了
        try {
            q.putNowait(3);
        } catch (Full e) {
            System.out.println("put_nowait: queue.Full");
        }
        try {
            q.put(3, Duration.ofMillis(100));
        } catch (Full e) {
            System.out.println("put blocked until its timeout: queue.Full");
        }
        System.out.println(q.get());
        System.out.println(q.get());
        System.out.println(q.get());
        System.out.println(python(q.empty())); // 空了
    }

    private static String python(boolean b) {
        return b ? "True" : "False";
    }
}
