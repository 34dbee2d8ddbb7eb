package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.sync.Event;

/** Two threads wait on an Event until check_mysql sets it after 1–3 s. */
public final class ThreadEventMysql extends Example {
    public ThreadEventMysql() {
        super("thread-event-mysql", "two threads wait on an Event; they connect only after check_mysql sets it",
                "等待连接mysql: waiting to connect to mysql; 正在检查mysql: checking mysql; Mysql初始化成功，X开始连接: mysql is ready, X connects");
    }

    static void connMysql(Event event) {
        String name = Thread.currentThread().getName();
        System.out.println("%s 等待连接mysql。。。".formatted(name));
        try {
            event.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.println("Mysql初始化成功，%s开始连接。。。".formatted(name));
    }

    @Override
    public void run(String... args) throws Exception {
        MysqlCheck.run(Context.threads().event(), ThreadEventMysql::connMysql);
    }
}
