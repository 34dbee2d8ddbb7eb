package dev.spindle.internal.insights;

import dev.spindle.insights.TaskFailure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The latest N failures of a pool; older ones are dropped, so memory stays bounded. */
public final class RecentFailures {
    private final int capacity;
    /** Latest last. Guarded by this. */
    private final ArrayDeque<TaskFailure> kept = new ArrayDeque<>();

    public RecentFailures(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(TaskFailure failure) {
        kept.addLast(failure);
        if (kept.size() > capacity) {
            kept.removeFirst();
        }
    }

    /** The latest first. */
    public synchronized List<TaskFailure> latestFirst() {
        return new ArrayList<>(kept.reversed());
    }
}
