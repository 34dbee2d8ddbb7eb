package dev.spindle.gevent;

import dev.spindle.internal.handoff.Unchecked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * gevent's {@code Group}: the tasks spawned through it (or {@linkplain #add added}) that have not
 * finished yet, to join or kill together, and {@code map}/{@code imap}/{@code imapUnordered}
 * over tasks of its own. A task leaves the group when it finishes. Safe for use by many threads.
 */
public class Group implements Iterable<Task<?>> {
    /** A function that {@code map} runs on a task per item. */
    @FunctionalInterface
    public interface Mapper<A, R> {
        R apply(A item) throws Exception;
    }

    private final Set<Task<?>> running = ConcurrentHashMap.newKeySet();

    /** An empty group. */
    public Group() {}

    /** Waits until the group may start one more task (a {@link Pool} that is full blocks here). */
    void admit() throws InterruptedException {
        // a plain group has no limit
    }

    /** A task of the group has finished. */
    void release() {
        // a plain group counts nothing
    }

    /** gevent's {@code group.spawn(fn)}: starts {@code fn} on a task that belongs to this group. */
    public final <T> Task<T> spawn(Callable<T> fn) throws InterruptedException {
        admit();
        Task<T> task = new Task<>(fn);
        track(task);
        return task.start();
    }

    /** gevent's {@code group.spawn(fn)} for a function that returns nothing. */
    public final Task<Void> spawn(Action fn) throws InterruptedException {
        return spawn(Gevent.voidCall(fn));
    }

    /** gevent's {@code group.add(task)}: the group tracks {@code task} (already spawned) until it finishes. */
    public final void add(Task<?> task) throws InterruptedException {
        admit();
        track(task);
    }

    private void track(Task<?> task) {
        running.add(task);
        task.link(this::discard);
    }

    /** gevent's {@code group.discard(task)}: the group stops tracking {@code task}, which goes on running. */
    public final void discard(Task<?> task) {
        synchronized (running) { // one step for a join's snapshot: a task it does not see has given back its slot
            if (running.remove(task)) {
                release();
            }
        }
    }

    /** The tasks not finished now, none of them half way out (see {@link #discard}). */
    private List<Task<?>> snapshot() {
        synchronized (running) {
            return List.copyOf(running);
        }
    }

    /** Whether {@code task} is in the group (spawned or added, not finished, not discarded). */
    public final boolean contains(Task<?> task) {
        return running.contains(task);
    }

    /** gevent's {@code len(group)}: how many of its tasks have not finished. */
    public final int size() {
        return running.size();
    }

    /** A snapshot of the tasks not finished. */
    @Override
    public final Iterator<Task<?>> iterator() {
        return snapshot().iterator();
    }

    /** gevent's {@code group.join()}: waits until every task in the group now has finished. */
    public final void join() throws InterruptedException {
        Gevent.joinAll(snapshot());
    }

    /**
     * gevent's {@code group.join(timeout)}: waits at most {@code timeout} for the tasks in the group
     * now to finish.
     *
     * @return whether they all have
     */
    public final boolean join(Duration timeout) throws InterruptedException {
        List<Task<?>> now = snapshot();
        return Gevent.joinAll(now, timeout, false).size() == now.size();
    }

    /** gevent's {@code group.kill()}: kills every task in the group and waits until they have ended. */
    public final void kill() throws InterruptedException {
        for (Task<?> task : snapshot()) {
            task.cancel(true);
        }
        for (Task<?> task : snapshot()) {
            task.join();
        }
    }

    /**
     * gevent's {@code group.map(fn, items)}: runs {@code fn} on a task of this group per item and
     * returns the results in the items' order.
     *
     * @throws RuntimeException the first failed item's exception (checked ones in an
     *                          {@link java.lang.reflect.UndeclaredThrowableException})
     */
    public final <A, R> List<R> map(Mapper<? super A, ? extends R> fn, Iterable<? extends A> items) {
        List<R> results = new ArrayList<>();
        imap(fn, items).forEachRemaining(results::add);
        return results;
    }

    /**
     * gevent's {@code group.imap(fn, items)}: spawns a task per item (on a feeder of its own, so a
     * full {@link Pool} does not block the caller) and yields the results in the items' order, each
     * as soon as it and those before it are ready. A failed item throws its exception from
     * {@code next()}.
     */
    public final <A, R> Iterator<R> imap(Mapper<? super A, ? extends R> fn, Iterable<? extends A> items) {
        BlockingQueue<Optional<Task<R>>> inOrder = new LinkedBlockingQueue<>();
        this.<A, R>feed(fn, items, task -> inOrder.add(Optional.of(task)), () -> inOrder.add(Optional.empty()));
        return new Results<>() {
            @Override
            Optional<Task<R>> take() throws InterruptedException {
                return inOrder.take();
            }
        };
    }

    /** gevent's {@code group.imap_unordered(fn, items)}: like {@link #imap}, with the results in the order they finish. */
    public final <A, R> Iterator<R> imapUnordered(Mapper<? super A, ? extends R> fn, Iterable<? extends A> items) {
        BlockingQueue<Optional<Task<R>>> finished = new LinkedBlockingQueue<>();
        int[] spawned = {0}; // written by the feeder before it queues the end, read by the consumer after
        this.<A, R>feed(fn, items, task -> {
            spawned[0]++;
            task.link(done -> finished.add(Optional.of(task)));
        }, () -> finished.add(Optional.empty()));
        return new Results<>() {
            private int taken;
            private boolean fed;

            @Override
            Optional<Task<R>> take() throws InterruptedException {
                while (true) {
                    if (fed && taken == spawned[0]) {
                        return Optional.empty();
                    }
                    Optional<Task<R>> next = finished.take();
                    if (next.isPresent()) {
                        taken++;
                        return next;
                    }
                    fed = true;
                }
            }
        };
    }

    /** Spawns a task per item in this group on a virtual thread of its own, handing each to {@code spawned}; then {@code end}. */
    private <A, R> void feed(Mapper<? super A, ? extends R> fn, Iterable<? extends A> items,
            java.util.function.Consumer<Task<R>> spawned, Runnable end) {
        Thread.ofVirtual().name("gevent-map-feeder").start(() -> {
            try {
                for (A item : items) {
                    spawned.accept(spawn(() -> fn.apply(item)));
                }
            } catch (Throwable t) { // the items' iterator failed, or the feeder was interrupted: the consumer sees it
                Task<R> failure = new Task<>(() -> {
                    throw t instanceof Exception e ? e : new ExecutionException(t);
                });
                spawned.accept(failure.start());
            }
            end.run();
        });
    }

    /** The results of a map, read from the tasks a feeder spawned; an empty Optional ends them. */
    private abstract static class Results<R> implements Iterator<R> {
        private Optional<Task<R>> next;

        abstract Optional<Task<R>> take() throws InterruptedException;

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the next result", e);
                }
            }
            return next.isPresent();
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Task<R> task = next.orElseThrow();
            next = null;
            try {
                return task.get();
            } catch (ExecutionException e) {
                throw Unchecked.of(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a result", e);
            }
        }
    }
}
