package dev.spindle.internal.cluster;

import dev.spindle.internal.queue.JoinsInStore;
import dev.spindle.internal.queue.StoredQueue;
import dev.spindle.internal.queue.StoredSimpleQueue;
import java.io.Serial;
import java.io.Serializable;

/**
 * A {@link dev.spindle.queue.Queue} of a cluster: its items in Redis ({@link RedisItemStore}),
 * shared by every JVM that gets it, on any host. Also the joinable one, which counts tasks, and
 * the simple one.
 *
 * @param <T> the type of the items
 */
class ClusterQueue<T> extends StoredQueue<T> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private final transient RedisItemStore store;

    ClusterQueue(RedisItemStore store) {
        super(store);
        this.store = store;
    }

    @Override
    protected String where() {
        return where(store);
    }

    /** Where a queue over {@code store} lives, for its {@code toString}. */
    static String where(RedisItemStore store) {
        return "on cluster " + store.settings.name() + ", key " + store.key;
    }

    /** Travels as its store: its settings, key and limits. */
    @Serial
    Object writeReplace() {
        return new Travelling(store, this instanceof Joinable<?> ? Kind.JOINABLE : Kind.QUEUE);
    }

    /** The kinds of queue over a store. */
    enum Kind { QUEUE, JOINABLE, SIMPLE }

    /** A queue on its way to another JVM: rebuilt there over the same store. */
    record Travelling(RedisItemStore store, Kind kind) implements Serializable {
        @Serial
        private Object readResolve() {
            return switch (kind) {
                case QUEUE -> new ClusterQueue<>(store);
                case JOINABLE -> new Joinable<>(store);
                case SIMPLE -> new Simple<>(store);
            };
        }
    }

    /** A {@link dev.spindle.queue.SimpleQueue} of a cluster. */
    static final class Simple<T> extends StoredSimpleQueue<T> implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final transient RedisItemStore store;

        Simple(RedisItemStore store) {
            super(store);
            this.store = store;
        }

        @Override
        protected String where() {
            return ClusterQueue.where(store);
        }

        @Serial
        Object writeReplace() {
            return new Travelling(store, Kind.SIMPLE);
        }
    }

    /** A {@link dev.spindle.queue.JoinableQueue} of a cluster: any JVM may call {@code taskDone()} and {@code join()}. */
    static final class Joinable<T> extends ClusterQueue<T> implements JoinsInStore<T> {
        @Serial
        private static final long serialVersionUID = 1L;

        Joinable(RedisItemStore store) {
            super(store);
        }
    }
}
