package dev.spindle.internal.pool;

import dev.spindle.insights.WorkerInsight;
import dev.spindle.insights.WorkerState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The running totals a worker keeps of its own time when its pool records insights: tasks done,
 * nanoseconds working, waiting and moving data, its initializer's time and its heap in use. One
 * writer (the worker), any reader: values are stored and read opaque, recent rather than ordered.
 * A worker process keeps them here and publishes them to its {@link RunningSlots} slot.
 */
final class WorkerTimes {
    static final int TASKS = 0;
    static final int WORKING = 1;
    static final int WAITING = 2;
    static final int MOVING = 3;
    static final int INIT = 4;
    static final int HEAP = 5;
    static final int FIELDS = 6;

    private final AtomicLongArray values = new AtomicLongArray(FIELDS);

    long get(int field) {
        return values.getOpaque(field);
    }

    /** Owner only. */
    void set(int field, long value) {
        values.setOpaque(field, value);
    }

    /** Owner only. */
    void add(int field, long delta) {
        values.setOpaque(field, values.getOpaque(field) + delta);
    }

    /** Owner only: the heap in use in this JVM now. */
    void measureHeap() {
        Runtime runtime = Runtime.getRuntime();
        set(HEAP, runtime.totalMemory() - runtime.freeMemory());
    }

    /** These totals as a worker's insight. */
    WorkerInsight insight(String name, long pid, WorkerState state, long startUpNanos) {
        return insight(name, pid, state, startUpNanos, get(HEAP));
    }

    /** These totals as a worker's insight, with its heap measured elsewhere. */
    WorkerInsight insight(String name, long pid, WorkerState state, long startUpNanos, long heapBytes) {
        return new WorkerInsight(name, pid, "", state, Duration.ofNanos(startUpNanos), Duration.ofNanos(get(INIT)),
                get(TASKS), Duration.ofNanos(get(WORKING)), Duration.ofNanos(get(WAITING)),
                Duration.ofNanos(get(MOVING)), heapBytes);
    }
}
