package dev.spindle.cli;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.TypeCode;
import dev.spindle.multiprocessing.Value;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Held;
import dev.spindle.sync.Lock;
import java.util.ArrayList;
import java.util.List;

/**
 * The value suite, the same workload as CPython's script: two processes each add 1 to an int
 * Value 100,000 times, under its lock, and (beyond CPython, whose figure for it is its locked
 * one) with the lock-free {@code incrementAndGet}. The children stay up and wait for a go.
 */
final class ValueBench {
    private static final int ADDS = 100_000;
    private static final int PARTIES = 2;

    private ValueBench() {}

    static void run(int runs, Report report) throws Exception {
        int samples = Math.max(5, runs / 3);
        report.figure("value.lock_incr_2proc_per_s", "adds/s", samples, () -> adders(false));
        report.figure("value.atomic_incr_2proc_per_s", "adds/s", samples, () -> adders(true));
    }

    /** For each go, adds one {@value #ADDS} times, atomically or under the lock, then says so. */
    static void adds(Queue<Boolean> go, List<Object> valueAndDone) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Value<Integer> value = (Value<Integer>) valueAndDone.get(0);
        @SuppressWarnings("unchecked")
        Queue<Boolean> done = (Queue<Boolean>) valueAndDone.get(1);
        Lock lock = value.getLock();
        while (true) {
            if (go.take()) {
                for (int i = 0; i < ADDS; i++) {
                    value.incrementAndGet();
                }
            } else {
                for (int i = 0; i < ADDS; i++) {
                    try (Held _ = lock.hold()) {
                        value.set(value.get() + 1);
                    }
                }
            }
            done.put(true);
        }
    }

    private static Workload adders(boolean atomic) throws Exception {
        Value<Integer> value = Context.processes().value(TypeCode.INT, 0);
        Queue<Boolean> go = Context.processes().queue();
        Queue<Boolean> done = Context.processes().queue();
        List<ChildProcess> children = new ArrayList<>();
        for (int i = 0; i < PARTIES; i++) {
            children.add(new ChildProcess(ValueBench::adds, go, List.of(value, done)));
        }
        return ChildrenWorkload.start(children, PARTIES * ADDS, () -> {
            int before = value.get();
            for (int i = 0; i < PARTIES; i++) {
                go.put(atomic);
            }
            for (int i = 0; i < PARTIES; i++) {
                done.take();
            }
            if (value.get() - before != PARTIES * ADDS) {
                throw new IllegalStateException("lost adds: " + (value.get() - before) + " of " + PARTIES * ADDS);
            }
        });
    }
}
