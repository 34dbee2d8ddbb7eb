package dev.spindle.examples.process;

import dev.spindle.examples.Example;
import java.time.Duration;

/** A daemon child dies with its parent: join(0.0001 s) gives up, the parent ends, the child goes. */
public final class MpDaemonJoinTimeout extends Example {
    public MpDaemonJoinTimeout() {
        super("mp-daemon-join-timeout", "a daemon child is killed when the parent exits");
    }

    @Override
    public void run(String... args) throws Exception {
        Piao p = new Piao("egon", "is piaoing", 1, 3);
        p.daemon(true);
        p.start();
        p.join(Duration.ofNanos(100_000));
        System.out.println("开始");
    }
}
