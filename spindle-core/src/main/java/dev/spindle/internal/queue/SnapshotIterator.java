package dev.spindle.internal.queue;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A walk over a copy of a queue's items taken at one moment: threads may put and take meanwhile
 * without disturbing it, and it shows none of their changes. Its {@link #remove} hands the item
 * it last returned to the queue's remover, which takes out that very item if it is still there.
 *
 * @param <T> the type of the items
 */
final class SnapshotIterator<T> implements Iterator<T> {
    private final Iterator<T> copy;
    private final Consumer<T> remover;
    private T last;

    /** @param remover takes an item out of the queue if it is still there */
    SnapshotIterator(List<T> copy, Consumer<T> remover) {
        this.copy = copy.iterator();
        this.remover = remover;
    }

    @Override
    public boolean hasNext() {
        return copy.hasNext();
    }

    @Override
    public T next() {
        last = copy.next(); // NoSuchElementException when done
        return last;
    }

    @Override
    public void remove() {
        if (last == null) {
            throw new IllegalStateException("remove() without a next() before it");
        }
        remover.accept(last);
        last = null;
    }
}
