package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.SimpleQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue suite, the same workloads as CPython's script, each timed after its processes are
 * up: a child puts 200,000 ints and the parent gets them (Queue and SimpleQueue); a child puts
 * 1,000 items of 1 MiB; 4 producer processes put 50,000 ints each into one queue that 4 consumer
 * processes empty; the parent puts 50,000 ints into a JoinableQueue, a child takes each and marks
 * it done, and the parent joins. The children stay up for the whole workload and wait for a
 * go between samples ({@link ChildrenWorkload}).
 */
final class QueueBench {
    private static final int INTS = 200_000;
    private static final int MIB_ITEMS = 1_000;
    private static final int MIB = 1 << 20;
    private static final int PER_PRODUCER = 50_000;
    /** Producer/consumer pairs of the NpNc figures: a curve, flat past 2 on a 2-core machine. */
    private static final int[] PAIRS = {2, 4, 8};
    private static final int JOINABLE_ITEMS = 50_000;

    private QueueBench() {}

    static void run(int runs, Report report) throws Exception {
        int samples = Math.max(5, runs / 3);
        report.figure("queue.1p1c.ints_per_s", "items/s", samples, QueueBench::oneToOneInts);
        report.figure("queue.1p1c.1mib_mb_per_s", "MB/s", samples, QueueBench::oneToOneMebibytes);
        for (int pairs : PAIRS) {
            report.figure("queue." + pairs + "p" + pairs + "c.ints_per_s", "items/s", samples, () -> pairs(pairs));
        }
        report.figure("joinable.put_join.items_per_s", "items/s", samples, QueueBench::putJoin);
        report.figure("simplequeue.1p1c.ints_per_s", "items/s", samples, QueueBench::simpleOneToOne);
    }

    /** A producer: for each go (a count), puts that many ints. */
    static void putsInts(Queue<Integer> go, Queue<Integer> queue) throws InterruptedException {
        while (true) {
            int count = go.take();
            for (int i = 0; i < count; i++) {
                queue.put(i);
            }
        }
    }

    private static Workload oneToOneInts() throws Exception {
        Queue<Integer> go = Context.processes().queue();
        Queue<Integer> queue = Context.processes().queue();
        return ChildrenWorkload.start(List.of(new ChildProcess(QueueBench::putsInts, go, queue)), INTS, () -> {
            go.put(INTS);
            for (int i = 0; i < INTS; i++) {
                queue.take();
            }
        });
    }

    static void putsMebibytes(Queue<Integer> go, Queue<byte[]> queue) throws InterruptedException {
        byte[] item = new byte[MIB];
        while (true) {
            int count = go.take();
            for (int i = 0; i < count; i++) {
                queue.put(item);
            }
        }
    }

    private static Workload oneToOneMebibytes() throws Exception {
        Queue<Integer> go = Context.processes().queue();
        Queue<byte[]> queue = Context.processes().queue();
        return ChildrenWorkload.start(List.of(new ChildProcess(QueueBench::putsMebibytes, go, queue)), MIB_ITEMS * (double) MIB / 1e6,
                () -> {
                    go.put(MIB_ITEMS);
                    for (int i = 0; i < MIB_ITEMS; i++) {
                        queue.take();
                    }
                });
    }

    /**
     * A consumer of the NpNc workloads: for each go, takes its share and says so. The shares add
     * up to what the producers put, so no end marker is needed (CPython's queue does not keep
     * the order of puts from different processes, so a marker could overtake items there).
     */
    static void consumesRounds(Queue<Integer> go, List<Queue<Integer>> queueAndDone) throws InterruptedException {
        Queue<Integer> queue = queueAndDone.get(0);
        Queue<Integer> done = queueAndDone.get(1);
        while (true) {
            int share = go.take();
            for (int i = 0; i < share; i++) {
                queue.take();
            }
            done.put(share);
        }
    }

    /** {@code pairs} producers and as many consumers, each putting or taking {@link #PER_PRODUCER} ints a round. */
    private static Workload pairs(int pairs) throws Exception {
        Queue<Integer> produce = Context.processes().queue();
        Queue<Integer> consume = Context.processes().queue();
        Queue<Integer> queue = Context.processes().queue();
        Queue<Integer> consumed = Context.processes().queue();
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            children.add(new ChildProcess(QueueBench::putsInts, produce, queue));
            children.add(new ChildProcess(QueueBench::consumesRounds, consume, List.of(queue, consumed)));
        }
        return ChildrenWorkload.start(children, pairs * PER_PRODUCER, () -> {
            for (int i = 0; i < pairs; i++) {
                consume.put(PER_PRODUCER); // shares: whoever takes two does both, the totals match
                produce.put(PER_PRODUCER);
            }
            for (int i = 0; i < pairs; i++) {
                consumed.take();
            }
        });
    }

    /** Takes each item and marks it done. */
    static void marksDone(JoinableQueue<Integer> queue) throws InterruptedException {
        while (true) {
            queue.take();
            queue.taskDone();
        }
    }

    private static Workload putJoin() throws Exception {
        JoinableQueue<Integer> queue = Context.processes().joinableQueue();
        return ChildrenWorkload.start(List.of(new ChildProcess(QueueBench::marksDone, queue)), JOINABLE_ITEMS, () -> {
            for (int i = 0; i < JOINABLE_ITEMS; i++) {
                queue.put(i);
            }
            queue.join();
        });
    }

    static void putsIntsSimply(Queue<Integer> go, SimpleQueue<Integer> queue) throws InterruptedException {
        while (true) {
            int count = go.take();
            for (int i = 0; i < count; i++) {
                queue.put(i);
            }
        }
    }

    private static Workload simpleOneToOne() throws Exception {
        Queue<Integer> go = Context.processes().queue();
        SimpleQueue<Integer> queue = Context.processes().simpleQueue();
        return ChildrenWorkload.start(List.of(new ChildProcess(QueueBench::putsIntsSimply, go, queue)), INTS, () -> {
            go.put(INTS);
            for (int i = 0; i < INTS; i++) {
                queue.get();
            }
        });
    }
}
