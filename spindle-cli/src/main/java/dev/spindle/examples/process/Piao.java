package dev.spindle.examples.process;

import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import java.util.concurrent.ThreadLocalRandom;

/** The seeds' {@code Piao(Process)}: prints, sleeps a random while, prints again. */
final class Piao extends ChildProcess {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final int minSeconds;
    private final int maxSeconds;
    private final String verb;

    /** {@code verb} is "piaoing" or "is piaoing"; sleeps {@code [min, max)} seconds of seed time. */
    Piao(String name, String verb, int minSeconds, int maxSeconds) {
        this.verb = verb;
        this.minSeconds = minSeconds;
        this.maxSeconds = maxSeconds;
        name(name);
    }

    @Override
    public void run() throws InterruptedException {
        System.out.println(name() + " " + verb);
        Speed.sleep(ThreadLocalRandom.current().nextInt(minSeconds, maxSeconds));
        System.out.println(name() + " " + verb.replace("piaoing", "piao end"));
    }
}
