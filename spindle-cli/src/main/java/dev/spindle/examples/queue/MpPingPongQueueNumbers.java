package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;
import java.time.Duration;
import java.util.List;

/**
 * A {@code Queue(10)} holds 1–10; two processes print "n: Ping" / "n: Pong" until they read a
 * falsy number. Each number is printed once, by one of them; then both wait in {@code q.get()}
 * for ever, as the seed has no 0 to put (its bug). The port shows the hang with a deadline, then
 * terminates them; with the argument {@code sentinels} it puts the two 0s the loop expects, and
 * both end.
 */
public final class MpPingPongQueueNumbers extends Example {
    public MpPingPongQueueNumbers() {
        super("mp-pingpong-queue-numbers", "two processes print 1-10 between them, then wait for ever [hangs; seed bug]");
    }

    static void subTask(String string, Queue<Integer> q) throws Exception {
        int number = q.get();
        while (number != 0) {
            System.out.println(number + ": " + string);
            Speed.sleep(0.001);
            number = q.get();
        }
    }

    @Override
    public void run(String... args) throws Exception {
        boolean sentinels = args.length > 0 && args[0].equals("sentinels");
        Queue<Integer> q = Spindle.queue(sentinels ? 12 : 10);
        for (int number = 1; number <= 10; number++) {
            q.put(number);
        }
        if (sentinels) {
            q.put(0);
            q.put(0);
        }
        List<ChildProcess> both = List.of(new ChildProcess(MpPingPongQueueNumbers::subTask, "Ping", q),
                new ChildProcess(MpPingPongQueueNumbers::subTask, "Pong", q));
        both.forEach(ChildProcess::start);
        while (!q.empty()) {
            Thread.sleep(10);
        }
        Duration deadline = Duration.ofSeconds(2);
        for (ChildProcess p : both) {
            if (!p.join(deadline)) {
                System.out.println(p.name() + " is still blocked in q.get() " + deadline.toSeconds()
                        + " s after the last number (the seed puts no 0): terminating it");
                p.terminate();
                p.join();
            }
        }
    }
}
