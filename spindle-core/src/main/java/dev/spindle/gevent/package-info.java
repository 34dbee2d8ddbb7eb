/**
 * gevent's API on virtual threads: {@link dev.spindle.gevent.Gevent#spawn} and
 * {@link dev.spindle.gevent.Gevent#joinAll}, {@link dev.spindle.gevent.Task} handles,
 * {@link dev.spindle.gevent.Group} and {@link dev.spindle.gevent.Pool},
 * {@link dev.spindle.gevent.Timeout} and {@link dev.spindle.gevent.StreamServer}. No
 * monkey-patching is needed: on a virtual thread, {@code Thread.sleep} and socket I/O already let
 * the other tasks run. gevent's {@code Event}, {@code AsyncResult} and queues are
 * {@code Context.virtualThreads().event()}, {@link java.util.concurrent.CompletableFuture} and
 * {@code Context.virtualThreads().queue()}.
 */
package dev.spindle.gevent;
