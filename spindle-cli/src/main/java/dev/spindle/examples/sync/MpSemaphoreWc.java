package dev.spindle.examples.sync;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.sync.Barrier;
import dev.spindle.sync.Lock;
import dev.spindle.sync.Semaphore;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Thirteen processes share a Semaphore(5): five toilets. The seed prints only who got one; to
 * show the bound, each user notes in a log (under a Lock) when it goes in and comes out, and the
 * parent replays the log: never more than 5 inside at once, and 5 is reached. The users first
 * meet at a Barrier of 13, so that they queue together as the seed's forked children do (JVMs
 * start one after another over a second or two, longer than the seed's visits). The semaphore,
 * the barrier and the lock travel inside one record argument.
 */
public final class MpSemaphoreWc extends Example {
    /** What every user shares. */
    record Toilets(Semaphore sem, Barrier allHere, Lock logLock, Path log) implements Serializable {}

    private static final int USERS = 13;

    public MpSemaphoreWc() {
        super("mp-semaphore-wc", "13 processes share a Semaphore(5): never more than 5 inside, and 5 is reached");
    }

    static void goWc(Toilets toilets, String user) throws Exception {
        toilets.allHere().await();
        toilets.sem().acquire();
        note(toilets, "in");
        System.out.println(user + " 占到一个茅坑");
        Speed.sleep(ThreadLocalRandom.current().nextInt(0, 4)); // 模拟每个人拉屎速度不一样，0代表有的人蹲下就起来了
        note(toilets, "out");
        toilets.sem().release();
    }

    private static void note(Toilets toilets, String what) throws IOException {
        try (var _ = toilets.logLock().hold()) {
            Files.writeString(toilets.log(), what + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Path log = Files.createTempDirectory("spindle-demo-").resolve("wc.log");
        Toilets toilets = new Toilets(Spindle.semaphore(5), Spindle.barrier(USERS), Spindle.lock(), log);
        List<ChildProcess> pL = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            ChildProcess p = new ChildProcess(MpSemaphoreWc::goWc, toilets, "user" + i);
            p.start();
            pL.add(p);
        }
        for (ChildProcess i : pL) {
            i.join();
        }
        System.out.println("============》");
        int inside = 0;
        int most = 0;
        for (String line : Files.readAllLines(log)) {
            inside += line.equals("in") ? 1 : -1;
            most = Math.max(most, inside);
        }
        System.out.println("most inside at once: " + most + " of 5 toilets");
        Files.delete(log);
        Files.delete(log.getParent());
    }
}
