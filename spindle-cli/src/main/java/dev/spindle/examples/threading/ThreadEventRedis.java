package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.sync.Event;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Two workers wait on an Event while the main thread "checks redis" for 3 s, then sets it: both
 * log that they wait first, and that redis is ready only after the set. The log line starts with
 * the thread's name, as the seed's logging format does.
 */
public final class ThreadEventRedis extends Example {
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    public ThreadEventRedis() {
        super("thread-event-redis", "two workers wait on an Event; they report redis ready only after main sets it");
    }

    static void log(String message) {
        System.out.printf("(%-10s) %s%n", Thread.currentThread().getName(), message);
    }

    static void worker(Event event) throws InterruptedException {
        log("Waiting for redis ready...");
        event.await();
        log("redis ready, and connect to redis server and do some work [%s]".formatted(LocalDateTime.now().format(CTIME)));
        Speed.sleep(1);
    }

    @Override
    public void run(String... args) throws Exception {
        Event readisReady = Context.threads().event();
        Thread t1 = Thread.ofPlatform().name("t1").start(Threads.uninterrupted(() -> worker(readisReady)));
        Thread t2 = Thread.ofPlatform().name("t2").start(Threads.uninterrupted(() -> worker(readisReady)));
        log("first of all, check redis server, make sure it is OK, and then trigger the redis ready event");
        Speed.sleep(3); // simulate the check progress
        log("redis is OK: set()");
        readisReady.set();
        t1.join();
        t2.join();
    }
}
