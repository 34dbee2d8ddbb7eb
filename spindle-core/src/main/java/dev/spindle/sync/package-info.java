/**
 * The synchronization primitives that threads and processes share: one interface each, made by a
 * {@link dev.spindle.Context} for its backend ({@code Context.threads().event()} for threads of
 * this JVM, {@code Context.processes().event()} for child processes too), so a program moves
 * between the two by changing its context. The locks are
 * {@link java.util.concurrent.locks.Lock}s with Python's names beside the JDK's; what the JDK has no interface for (Python's
 * {@code Event}, a barrier that can be aborted, a semaphore with Python's release rules) is
 * defined here.
 */
package dev.spindle.sync;
