/**
 * Python's {@code threading} module: what Java's threads lack. The synchronization primitives
 * themselves are {@link dev.spindle.sync}'s interfaces, made for threads by
 * {@link dev.spindle.Context#threads()} (and {@link dev.spindle.Context#virtualThreads()}):
 * {@code Lock} (not reentrant, released by any thread), {@code RLock}, {@code Semaphore},
 * {@code BoundedSemaphore}, {@code Event}, {@code Condition} (with {@code waitFor} and
 * {@code signal(n)}) and {@code Barrier} (with {@code abort}); this package adds
 * {@link dev.spindle.threading.Timer} and {@link dev.spindle.threading.Threading} (the module
 * functions: {@code main_thread}, {@code enumerate}, {@code active_count}, {@code excepthook}).
 *
 * <h2>Threads are {@code java.lang.Thread}</h2>
 * Python's {@code Thread(target=f, args=(a,), name="worker", daemon=True)} is a
 * {@link java.lang.Thread.Builder}:
 * <pre>{@code
 * Thread t = Thread.ofPlatform().name("worker").daemon(true).unstarted(() -> f(a));
 * t.start();                       // t.start()
 * t.join();                        // t.join();  t.join(Duration.ofSeconds(1)) for join(timeout=1)
 * t.isAlive();                     // t.is_alive()
 * Thread.currentThread().getName() // current_thread().name
 * t.threadId()                     // t.ident (Python's get_ident() is Thread.currentThread().threadId())
 * }</pre>
 * <ul>
 *   <li>{@code target} and {@code args}: a lambda capturing the arguments ({@code () -> f(a, b)});
 *       subclassing ({@code class T(Thread): def run(self)}) is {@code new Thread() { public void run() … }}.</li>
 *   <li>{@code name}: {@code name("worker")}, or {@code name("worker-", 0)} for numbered names;
 *       Python names unnamed threads {@code Thread-N}, Java {@code Thread-N} too.</li>
 *   <li>{@code daemon}: {@code daemon(true)}; as in Python a thread is a daemon if the thread that
 *       made it is, unless set; the JVM exits when only daemon threads are left, as Python's
 *       interpreter does (daemon threads are stopped abruptly).</li>
 *   <li>What differs: Java threads run Java code in parallel (there is no GIL: CPU-bound threads
 *       use every core); {@code start()} twice throws {@link IllegalThreadStateException}
 *       (Python's {@code RuntimeError}); an exception that ends a thread goes to the thread's
 *       uncaught exception handler, which {@link dev.spindle.threading.Threading#excepthook} sets
 *       for all threads (Python's {@code threading.excepthook}); {@code threading.local()} is
 *       {@link java.lang.ThreadLocal}; a virtual thread ({@code Thread.ofVirtual()}) is a thread
 *       Python does not have: cheap enough for one per task.</li>
 * </ul>
 */
package dev.spindle.threading;
