package dev.spindle.internal.queue;

import dev.spindle.internal.waits.Waits;
import dev.spindle.queue.JoinableQueue;
import java.time.Duration;

/**
 * A {@link JoinableQueue} for the threads of this JVM (Python's {@code queue.Queue} with
 * {@code task_done}/{@code join}): a {@link LocalQueue} whose puts count tasks in a
 * {@link TaskCount}, one more before each item goes in.
 *
 * @param <T> the type of the items
 */
final class LocalJoinableQueue<T> extends LocalQueue<T> implements JoinableQueue<T> {
    LocalJoinableQueue(int maxsize, java.util.Queue<T> items, String kind) {
        super(maxsize, items, kind, true);
    }

    @Override
    public void taskDone() {
        checkOpen();
        if (!tasks().done()) {
            throw new IllegalStateException("taskDone() called more times than there were items put");
        }
    }

    @Override
    public void join() throws InterruptedException {
        checkOpen();
        tasks().join(Waits.NO_DEADLINE);
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        checkOpen();
        return tasks().join(Waits.deadlineAfter(Math.max(0, Waits.nanos(timeout))));
    }
}
