package dev.spindle.examples.threading;

import dev.spindle.examples.Speed;
import dev.spindle.sync.Event;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seeds' mysql check of §2.6: two {@code conn_mysql} threads wait on an Event that
 * {@code check_mysql} sets after 1–3 s. The port says when it sets it, so that the order shows.
 */
final class MysqlCheck {
    /** What the programs' Chinese lines say. */
    static final String GLOSS = "等待连接mysql: waiting to connect to mysql; 正在检查mysql: checking mysql;"
            + " Mysql初始化成功，X开始连接: mysql is ready, X connects";

    private MysqlCheck() {}

    static void checkMysql(Event event) throws InterruptedException {
        System.out.println("正在检查mysql。。。");
        Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
        System.out.println("(mysql is up: event.set())");
        event.set();
        Speed.sleep(ThreadLocalRandom.current().nextInt(1, 4));
    }

    /** Starts t1 and t2 running {@code connMysql} and t3 running check_mysql, and joins them. */
    static void run(Event event, Threads.Body connMysql) throws InterruptedException {
        Thread t1 = Thread.ofPlatform().name("Thread-1").start(Threads.uninterrupted(connMysql));
        Thread t2 = Thread.ofPlatform().name("Thread-2").start(Threads.uninterrupted(connMysql));
        Thread t3 = Thread.ofPlatform().name("Thread-3").start(Threads.uninterrupted(() -> checkMysql(event)));
        Threads.joinAll(List.of(t1, t2, t3));
    }
}
