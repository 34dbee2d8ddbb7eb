package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.sync.Event;

/** Two threads wait on an Event until check_mysql sets it after 1–3 s. */
public final class ThreadEventMysql extends Example {
    public ThreadEventMysql() {
        super("thread-event-mysql", "two threads wait on an Event; they connect only after check_mysql sets it",
                MysqlCheck.GLOSS);
    }

    static void connMysql(Event event) throws InterruptedException {
        String name = Thread.currentThread().getName();
        System.out.println("%s 等待连接mysql。。。".formatted(name));
        event.await();
        System.out.println("Mysql初始化成功，%s开始连接。。。".formatted(name));
    }

    @Override
    public void run(String... args) throws Exception {
        Event event = Context.threads().event();
        MysqlCheck.run(event, () -> connMysql(event));
    }
}
