package dev.spindle.examples.threading;

import dev.spindle.examples.Speed;
import dev.spindle.sync.Event;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The seeds' mysql check of §2.6: two {@code conn_mysql} threads wait on an Event that
 * {@code check_mysql} sets after 1–3 s. The port says when it sets it, so that the order shows.
 */
final class MysqlCheck {
    private MysqlCheck() {}

    static void checkMysql(Event event) throws InterruptedException {
        System.out.println("正在检查mysql。。。");
        Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
        System.out.println("(mysql is up: event.set())");
        event.set();
        Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
    }

    /** Starts t1 and t2 running {@code connMysql} and t3 running check_mysql, and joins them. */
    static void run(Event event, Consumer<Event> connMysql) throws InterruptedException {
        Thread t1 = Thread.ofPlatform().name("Thread-1").start(() -> connMysql.accept(event));
        Thread t2 = Thread.ofPlatform().name("Thread-2").start(() -> connMysql.accept(event));
        Thread t3 = Thread.ofPlatform().name("Thread-3").start(() -> {
            try {
                checkMysql(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (Thread t : List.of(t1, t2, t3)) {
            t.join();
        }
    }
}
