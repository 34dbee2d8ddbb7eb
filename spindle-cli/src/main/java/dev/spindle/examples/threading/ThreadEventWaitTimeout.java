package dev.spindle.examples.threading;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.sync.Event;
import java.time.Duration;

/** The waiting threads retry {@code event.wait(0.1)}, printing a line each time, until the Event is set. */
public final class ThreadEventWaitTimeout extends Example {
    public ThreadEventWaitTimeout() {
        super("thread-event-wait-timeout", "threads wait on an Event 0.1 s at a time, printing each retry, until it is set",
                MysqlCheck.GLOSS);
    }

    static void connMysql(Event event) throws InterruptedException {
        String name = Thread.currentThread().getName();
        Duration retry = Duration.ofNanos(Math.round(0.1 * Speed.factor() * 1e9));
        while (!event.isSet()) {
            System.out.println("%s 等待连接mysql。。。".formatted(name));
            event.await(retry);
        }
        System.out.println("Mysql初始化成功，%s开始连接。。。".formatted(name));
    }

    @Override
    public void run(String... args) throws Exception {
        Event event = Context.threads().event();
        MysqlCheck.run(event, () -> connMysql(event));
    }
}
