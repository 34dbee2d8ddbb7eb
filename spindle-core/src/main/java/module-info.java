/**
 * Spindle: Python's concurrency toolkit for Java.
 * <ul>
 *   <li>{@link dev.spindle}: the {@link dev.spindle.Spindle} facade, {@link dev.spindle.Context}
 *       (which makes every primitive for processes, threads or virtual threads), read limits and
 *       the shared exceptions;</li>
 *   <li>{@link dev.spindle.multiprocessing}: child JVMs, pipes, pools, shared values, arrays and
 *       shared memory (Python's {@code multiprocessing});</li>
 *   <li>{@link dev.spindle.futures}: executors, {@code wait} and {@code asCompleted} (Python's
 *       {@code concurrent.futures});</li>
 *   <li>{@link dev.spindle.managers}: managers, which serve shared objects to other processes
 *       through proxies (Python's {@code multiprocessing.managers});</li>
 *   <li>{@link dev.spindle.queue}: queues shared by threads or processes (Python's {@code queue});</li>
 *   <li>{@link dev.spindle.threading}: {@code Timer} and the module functions of Python's
 *       {@code threading} ({@code mainThread}, {@code enumerate}, {@code activeCount},
 *       {@code excepthook}); threads themselves are {@code java.lang.Thread};</li>
 *   <li>{@link dev.spindle.sync}: locks, semaphores, events, conditions and barriers, one interface
 *       each for threads and processes;</li>
 *   <li>{@link dev.spindle.asyncio}: an event loop whose tasks take turns at awaits, with
 *       tasks, futures, gather/wait, task groups, timeouts, queues, locks and TCP streams (Python's
 *       {@code asyncio}), each task on its own virtual thread;</li>
 *   <li>{@link dev.spindle.generator}: generators driven by {@code next}/{@code send} (Python's
 *       generator coroutines), on virtual threads;</li>
 *   <li>{@link dev.spindle.greenlet}: greenlets switched by hand (greenlet's API);</li>
 *   <li>{@link dev.spindle.gevent}: spawned tasks, pools, groups, timeouts and a TCP stream server
 *       on virtual threads (gevent's API, without monkey-patching);</li>
 *   <li>{@link dev.spindle.socketserver}: TCP servers that serve each connection one at a time, on
 *       a thread, or in a child JVM that receives the socket itself (Python's
 *       {@code socketserver});</li>
 *   <li>{@link dev.spindle.subprocess}: other programs run to their end, with input, captured
 *       output, timeouts that kill the whole process tree, and pipelines (Python's
 *       {@code subprocess});</li>
 *   <li>{@link dev.spindle.cluster}: the cluster context's settings and its worker hosts (tasks
 *       kept in Redis, run on other machines' child JVMs);</li>
 *   <li>{@link dev.spindle.function}: the serializable functional interfaces that carry code to
 *       another process.</li>
 * </ul>
 */
@SuppressWarnings("requires-automatic") // Lettuce is an automatic module (lettuce.core); it has no module-info
module dev.spindle {
    requires java.management;
    requires jdk.httpserver;
    requires lettuce.core;

    exports dev.spindle;
    exports dev.spindle.asyncio;
    exports dev.spindle.cluster;
    exports dev.spindle.insights;
    exports dev.spindle.function;
    exports dev.spindle.futures;
    exports dev.spindle.managers;
    exports dev.spindle.generator;
    exports dev.spindle.gevent;
    exports dev.spindle.greenlet;
    exports dev.spindle.multiprocessing;
    exports dev.spindle.queue;
    exports dev.spindle.socketserver;
    exports dev.spindle.subprocess;
    exports dev.spindle.sync;
    exports dev.spindle.threading;
}
