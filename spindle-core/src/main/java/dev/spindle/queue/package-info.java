/**
 * Queues with Python's names and Java's contract: {@link dev.spindle.queue.Queue} (Python's
 * {@code multiprocessing.Queue} and {@code queue.Queue}) is a
 * {@link java.util.concurrent.BlockingQueue}; {@link dev.spindle.queue.JoinableQueue} adds
 * {@code taskDone()} and {@code join()}; {@link dev.spindle.queue.SimpleQueue} is the unbounded
 * queue with nothing more than {@code put}, {@code get} and {@code empty}. A
 * {@link dev.spindle.Context} makes them: {@code Context.processes().queue()} for child
 * processes and pool tasks too (the item is copied into shared memory when {@code put} returns),
 * {@code Context.threads().queue()} for the threads of this JVM (the item itself is handed over).
 */
package dev.spindle.queue;
