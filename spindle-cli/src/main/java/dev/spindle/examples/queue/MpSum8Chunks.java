package dev.spindle.examples.queue;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums 1..100,000,000 with 8 processes over 12.5 M-number slices and merges their totals through a
 * Queue. The seed builds a 10^8-element list (about 3.6 GB in CPython) and copies slices to the
 * children; this port passes each child its range. As in the seed, the timer starts once the
 * processes are started, and the parent joins them before it drains the queue with {@code empty()}
 * (reliable here: a total is in the queue once {@code put} returns).
 */
public final class MpSum8Chunks extends Example {
    private static final long N = 100_000_000;
    private static final int PROCESSES = 8;

    public MpSum8Chunks() {
        super("mp-sum-8-chunks", "8 processes sum 1..10^8 in ranges and merge their totals through a Queue");
    }

    static void taskHandler(long[] range, Queue<Long> resultQueue) throws Exception {
        long total = 0;
        for (long number = range[0]; number < range[1]; number++) {
            total += number;
        }
        resultQueue.put(total);
    }

    @Override
    public void run(String... args) throws Exception {
        List<ChildProcess> processes = new ArrayList<>();
        Queue<Long> resultQueue = Spindle.queue();
        long index = 1;
        long slice = N / PROCESSES;
        for (int i = 0; i < PROCESSES; i++) {
            ChildProcess p = new ChildProcess(MpSum8Chunks::taskHandler, new long[] {index, index + slice}, resultQueue);
            index += slice;
            processes.add(p);
            p.start();
        }
        long start = System.nanoTime();
        for (ChildProcess p : processes) {
            p.join();
        }
        long total = 0;
        while (!resultQueue.empty()) {
            total += resultQueue.get();
        }
        System.out.println(total);
        System.out.println("Execution time: " + (System.nanoTime() - start) / 1e9 + "s");
    }
}
