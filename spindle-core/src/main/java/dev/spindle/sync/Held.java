package dev.spindle.sync;

/**
 * A hold of a lock or of a semaphore's permit, for try-with-resources (Python's {@code with}):
 * {@code try (var _ = lock.hold()) { … }}. Closing it releases what was held; close it once.
 */
@FunctionalInterface
public interface Held extends AutoCloseable {
    /** Releases what this holds. */
    @Override
    void close();
}
