package dev.spindle.examples.threading;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.threading.Timer;
import java.time.Duration;

/** threading.Timer(1, hello): "hello, world" once, and not before the second is up. */
public final class ThreadTimer extends Example {
    public ThreadTimer() {
        super("thread-timer", "a Timer prints \"hello, world\" once, after its interval");
    }

    @Override
    public void run(String... args) throws Exception {
        long t0 = System.nanoTime();
        Timer t = new Timer(Duration.ofMillis(Math.round(1000 * Speed.factor())), () -> System.out.println("hello, world"));
        t.start(); // after 1 seconds, "hello, world" will be printed
        t.join();
        System.out.printf("printed after %.3f s (interval %s)%n", (System.nanoTime() - t0) / 1e9, Speed.atSpeed(1));
    }
}
