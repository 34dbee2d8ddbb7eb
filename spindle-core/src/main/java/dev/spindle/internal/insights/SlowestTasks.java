package dev.spindle.internal.insights;

import dev.spindle.insights.SlowTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * The N slowest tasks of a pool. A task no slower than the slowest N so far costs one volatile
 * read; only a task that enters the N is described (its arguments rendered).
 */
public final class SlowestTasks {
    private final int capacity;
    /** The N kept, fastest at the head. Guarded by this. */
    private final PriorityQueue<SlowTask> kept = new PriorityQueue<>(Comparator.comparing(SlowTask::took));
    /** The fastest kept once N are kept: a task must beat it to enter. */
    private volatile long thresholdNanos;

    public SlowestTasks(int capacity) {
        this.capacity = capacity;
    }

    /** Offers a task that took {@code nanos}; {@code describe} is called only if it enters. */
    public void offer(long nanos, Supplier<SlowTask> describe) {
        if (nanos <= thresholdNanos) {
            return;
        }
        SlowTask task = describe.get();
        synchronized (this) {
            kept.add(task);
            if (kept.size() > capacity) {
                kept.poll();
            }
            if (kept.size() == capacity) {
                thresholdNanos = kept.peek().took().toNanos();
            }
        }
    }

    /** The slowest first. */
    public synchronized List<SlowTask> slowestFirst() {
        List<SlowTask> list = new ArrayList<>(kept);
        list.sort(Comparator.comparing(SlowTask::took, Comparator.<Duration>reverseOrder()));
        return list;
    }
}
