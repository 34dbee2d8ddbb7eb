package dev.spindle.internal.queue;

import dev.spindle.internal.shm.ObjectSegment;
import dev.spindle.internal.waits.Waits;
import dev.spindle.queue.JoinableQueue;
import java.time.Duration;

/**
 * A {@link JoinableQueue} in shared memory (Python's {@code multiprocessing.JoinableQueue}): a
 * {@link SharedQueue} whose segment also counts the tasks done, so that any process may call
 * {@link #taskDone} and any may {@link #join}. An item counts as a task from its put's commit;
 * a put whose process died before the commit is settled by the joiner.
 *
 * @param <T> the type of the items
 */
public final class SharedJoinableQueue<T> extends SharedQueue<T> implements JoinableQueue<T> {
    static {
        ObjectSegment.register(SharedJoinableQueue.class, QueueLayout.JOINABLE, SharedJoinableQueue::new,
                queue -> queue.segment());
    }

    private SharedJoinableQueue(ObjectSegment segment) {
        super(segment);
    }

    /** A new joinable queue, as {@link SharedQueue#create}. */
    public static <T> SharedJoinableQueue<T> create(int maxsize, int maxItemBytes) {
        return create(QueueLayout.JOINABLE, maxsize, maxItemBytes, SharedJoinableQueue::new);
    }

    @Override
    public void taskDone() {
        markTaskDone();
    }

    @Override
    public void join() throws InterruptedException {
        joinUntil(Waits.NO_DEADLINE);
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        return joinUntil(Waits.deadlineAfter(Math.max(0, Waits.nanos(timeout))));
    }
}
