/**
 * The synchronization primitives that threads and processes share: one interface each, made by a
 * {@link dev.spindle.Context} for its backend ({@code Context.threads().event()} for threads of
 * this JVM, {@code Context.processes().event()} for child processes too), so a program moves
 * between the two by changing its context. Locks, when they come, are
 * {@link java.util.concurrent.locks.Lock}; what the JDK has no interface for (Python's
 * {@code Event}, a barrier that can be aborted, a semaphore with Python's release rules) is
 * defined here.
 */
package dev.spindle.sync;
