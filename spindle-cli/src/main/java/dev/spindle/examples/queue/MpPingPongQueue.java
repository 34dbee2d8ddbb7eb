package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;

/**
 * Two processes race for a counter in one Queue, busy-polling {@code empty()} as the seed does:
 * whoever takes it prints its word and puts the next count back, so together they print 10 lines
 * — often all by one of them, as nothing makes them take turns. The one that reaches 10 puts '10'
 * back and stops, the other gets it, puts it back and stops; the '10' left is printed at the end.
 */
public final class MpPingPongQueue extends Example {
    public MpPingPongQueue() {
        super("mp-pingpong-queue", "two processes race for one counter in a Queue: 10 lines in all, often all from one of them");
    }

    static void subTask(Queue<String> q, String string) throws Exception {
        while (true) {
            if (!q.empty()) {
                int counter = Integer.parseInt(q.get());
                while (counter < 10) {
                    System.out.println(string);
                    q.put(String.valueOf(counter + 1));
                    Speed.sleep(0.01);
                    counter = Integer.parseInt(q.get());
                }
                q.put("10");
                break;
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<String> q = Spindle.queue();
        q.put("0");
        ChildProcess p1 = new ChildProcess(MpPingPongQueue::subTask, q, "Ping");
        ChildProcess p2 = new ChildProcess(MpPingPongQueue::subTask, q, "Pong");
        p1.start();
        p2.start();
        p1.join();
        p2.join();
        System.out.println("left in the queue: " + q.getNowait() + " (" + q.qsize() + " more)");
    }
}
