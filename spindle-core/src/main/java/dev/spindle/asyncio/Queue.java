package dev.spindle.asyncio;

import java.util.ArrayDeque;

/**
 * Python's {@code asyncio.Queue(maxsize)}: a FIFO queue between the tasks of one loop, with
 * {@link #taskDone()} and {@link #join()}. {@code get} and {@code put} are awaits: the calling task
 * waits while the others run. Not a {@code BlockingQueue}: only its loop's tasks may use it.
 */
public final class Queue<E> {
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final Waiters getters = new Waiters();
    private final Waiters putters = new Waiters();
    private final Event finished = new Event();
    private final int maxsize;
    private int unfinished;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** At most {@code maxsize} items (0 or less: unbounded). */
    public Queue(int maxsize) {
        this.maxsize = maxsize;
        finished.set();
    }

    public int qsize() {
        return items.size();
    }

    public int maxsize() {
        return maxsize;
    }

    public boolean empty() {
        return items.isEmpty();
    }

    public boolean full() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /** Python's {@code await queue.put(item)}: waits while the queue is full. */
    public void put(E item) {
        while (full()) {
            waitTurn(putters);
        }
        putNowait(item);
    }

    /** Adds {@code item} at once, or throws {@link QueueFull}. */
    public void putNowait(E item) {
        if (full()) {
            throw new QueueFull();
        }
        items.add(item);
        unfinished++;
        finished.clear();
        getters.wakeFirst();
    }

    /** Python's {@code await queue.get()}: waits while the queue is empty. */
    public E get() {
        while (empty()) {
            waitTurn(getters);
        }
        return getNowait();
    }

    /** Takes the first item at once, or throws {@link QueueEmpty}. */
    public E getNowait() {
        if (empty()) {
            throw new QueueEmpty();
        }
        E item = items.poll();
        putters.wakeFirst();
        return item;
    }

    /**
     * Marks one item taken with {@link #get()} as processed.
     *
     * @throws IllegalStateException if called more often than items were put (Python's ValueError)
     */
    public void taskDone() {
        if (unfinished <= 0) {
            throw new IllegalStateException("task_done() called too many times");
        }
        if (--unfinished == 0) {
            finished.set();
        }
    }

    /** Python's {@code await queue.join()}: waits until every item put has been marked done. */
    public void join() {
        if (unfinished > 0) {
            finished.await();
        }
    }

    /** Waits in {@code line}; a task woken but cancelled passes its turn on (CPython's put/get). */
    private void waitTurn(Waiters line) {
        try {
            line.await(Asyncio.getRunningLoop());
        } catch (CancelledError e) {
            if (line == putters ? !full() : !empty()) {
                line.wakeFirst();
            }
            throw e;
        }
    }
}
