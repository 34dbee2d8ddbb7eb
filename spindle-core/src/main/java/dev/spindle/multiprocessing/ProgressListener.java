package dev.spindle.multiprocessing;

/**
 * Told how far a map has come. It is called in the parent, in the pool's result thread, after each
 * task (an item, or a chunk of items) finishes, whether it succeeded or failed; calls are never
 * concurrent for one map, and {@code done} only grows, ending at {@code total}; {@code total} is
 * -1 for an {@code imap} over an {@link Iterable} that is not a {@link java.util.Collection},
 * whose length is not known before its end. A map returns, and
 * an iterator yields a task's results, only after that task's progress was reported.
 */
@FunctionalInterface
public interface ProgressListener {
    /** {@code done} of {@code total} items have finished. */
    void progress(long done, long total);
}
