package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.gevent.Action;
import dev.spindle.gevent.Gevent;
import dev.spindle.gevent.Task;
import java.util.List;

/** eat sleeps 2 s and play_phone 1 s in spawned tasks; joinAll waits for both: about 2 s in all, not 3. */
public final class GeventSleepJoinall extends Example {
    public GeventSleepJoinall() {
        super("gevent-sleep-joinall", "two spawned tasks sleep 2 s and 1 s; joinAll takes about 2 s, not 3", "主 = main");
    }

    static void eat() throws InterruptedException {
        System.out.println("eat food 1");
        Gevent.sleep(2 * Speed.factor()); // 等饭来
        System.out.println("eat food 2");
    }

    static void playPhone() throws InterruptedException {
        System.out.println("play phone 1");
        Gevent.sleep(1 * Speed.factor()); // 网卡了
        System.out.println("play phone 2");
    }

    /** The seed's main part: spawns both, joins both (gevent's join takes several at once), prints 主 and the time. */
    static void spawnAndJoinAll(Action eat, Action playPhone) throws InterruptedException {
        long t0 = System.nanoTime();
        Task<Void> g1 = Gevent.spawn(eat);
        Task<Void> g2 = Gevent.spawn(playPhone);
        Gevent.joinAll(List.of(g1, g2));
        System.out.println("主");
        System.out.printf("took %.2f s: the longest sleep (2 s), not their sum (3 s)%s%n",
                (System.nanoTime() - t0) / 1e9 / Speed.factor(), Speed.atSpeed(2));
    }

    @Override
    public void run(String... args) throws Exception {
        spawnAndJoinAll(GeventSleepJoinall::eat, GeventSleepJoinall::playPhone);
    }
}
