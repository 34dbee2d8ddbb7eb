package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;

/**
 * The child puts 1000 'Pong' and the parent 1000 'Ping' into one Queue; the parent joins the
 * child before reading the 2000. In CPython that works only while the unread data fits in the
 * pipe's 64 KB buffer (bigger counts deadlock); here each {@code put} has its item in shared
 * memory when it returns, so an argument of 100000 works as well.
 */
public final class MpQueuePingPong1000 extends Example {
    public MpQueuePingPong1000() {
        super("mp-queue-ping-pong-1000", "1000 Ping from the parent and 1000 Pong from a child in one Queue, joined before read");
    }

    static void subTask(Queue<String> queue, int count) throws Exception {
        System.out.println("子进程进程号: " + ProcessHandle.current().pid());
        for (int counter = 0; counter < count; counter++) {
            queue.put("Pong");
        }
    }

    @Override
    public void run(String... args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.println("当前进程号: " + ProcessHandle.current().pid());
        Queue<String> queue = Spindle.queue();
        ChildProcess p = new ChildProcess(MpQueuePingPong1000::subTask, queue, count);
        p.start();
        for (int counter = 0; counter < count; counter++) {
            queue.put("Ping");
        }
        p.join();
        System.out.println("子任务已经完成.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 2 * count; i++) {
            out.append(queue.get());
        }
        System.out.println(out);
    }
}
