package dev.spindle.examples.coroutines;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;

/**
 * The same program with the plain blocking sleep ({@code time.sleep} after {@code monkey.patch_all()}
 * in the seed). Nothing is patched: a spawned task is a virtual thread, and a plain
 * {@code Thread.sleep} there already lets the other task run, so the two sleeps overlap.
 */
public final class GeventMonkeyPatch extends Example {
    public GeventMonkeyPatch() {
        super("gevent-monkey-patch", "the same with plain Thread.sleep: no monkey-patching, virtual threads overlap blocking calls",
                "主 = main");
    }

    static void eat() throws InterruptedException {
        System.out.println("eat food 1");
        Speed.sleep(2);
        System.out.println("eat food 2");
    }

    static void playPhone() throws InterruptedException {
        System.out.println("play phone 1");
        Speed.sleep(1);
        System.out.println("play phone 2");
    }

    @Override
    public void run(String... args) throws Exception {
        System.out.println("(no monkey.patch_all(): on a virtual thread, Thread.sleep and socket I/O already yield)");
        GeventSleepJoinall.spawnAndJoinAll(GeventMonkeyPatch::eat, GeventMonkeyPatch::playPhone);
    }
}
