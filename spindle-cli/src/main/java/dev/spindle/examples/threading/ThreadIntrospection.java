package dev.spindle.examples.threading;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.threading.Threading;

/**
 * current_thread, enumerate and active_count while one thread sleeps: the main thread, the two
 * threads of the program (a JVM's own threads are not counted), 2, then the thread's name.
 */
public final class ThreadIntrospection extends Example {
    public ThreadIntrospection() {
        super("thread-introspection", "current thread, the program's threads and their count while one sleeps",
                "主线程/主进程: main thread / main process");
    }

    static void work() {
        try {
            Speed.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println(Thread.currentThread().getName());
    }

    @Override
    public void run(String... args) throws Exception {
        Thread t = Thread.ofPlatform().name("Thread-1").start(ThreadIntrospection::work);
        System.out.println(Thread.currentThread().getName());
        System.out.println(Thread.currentThread()); // the main thread
        System.out.println(Threading.enumerate()); // two running threads, the main one included
        System.out.println(Threading.activeCount());
        System.out.println("主线程/主进程");
        t.join();
    }
}
