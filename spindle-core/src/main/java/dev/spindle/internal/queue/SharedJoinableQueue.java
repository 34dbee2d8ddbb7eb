package dev.spindle.internal.queue;

import dev.spindle.internal.shm.ObjectSegment;

/**
 * A {@link dev.spindle.queue.JoinableQueue} in shared memory (Python's {@code multiprocessing.JoinableQueue}): a
 * {@link SharedQueue} whose segment also counts the tasks done, so that any process may call
 * {@link #taskDone} and any may {@link #join}. An item counts as a task from its put's commit;
 * a put whose process died before the commit is settled by the joiner.
 *
 * @param <T> the type of the items
 */
public final class SharedJoinableQueue<T> extends SharedQueue<T> implements JoinsInStore<T> {
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
}
