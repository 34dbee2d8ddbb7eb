package dev.spindle.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many suspended generators are cheap, and abandoned ones are closed and their threads end. */
class GeneratorResourcesTest {
    private static final int LIVE = 100_000;
    private static final int ABANDONED = 2_000;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Test
    void oneHundredThousandSuspendedGeneratorsFitInTheHeap() {
        List<Generator<Integer, Integer>> live = new ArrayList<>(LIVE);
        for (int i = 0; i < LIVE; i++) {
            int start = i;
            Generator<Integer, Integer> counter = Generator.of(y -> {
                int total = start;
                while (true) {
                    total += y.yield(total);
                }
            });
            counter.next();
            live.add(counter);
        }
        assertThat(live.stream().mapToLong(g -> g.send(1)).sum()).isEqualTo((long) LIVE * (LIVE - 1) / 2 + LIVE);
        assertThat(live).allMatch(g -> g.state() == GeneratorState.GEN_SUSPENDED);
        live.forEach(Generator::close);
        assertThat(live).allMatch(g -> g.state() == GeneratorState.GEN_CLOSED);
    }

    @Test
    void abandonedGeneratorsAreClosedAndTheirThreadsEnd() throws InterruptedException {
        CountDownLatch finallies = new CountDownLatch(ABANDONED);
        List<Thread> bodies = new ArrayList<>();
        AtomicInteger afterExit = new AtomicInteger();
        startAndAbandon(finallies, bodies, afterExit);
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (finallies.getCount() > 0 && System.nanoTime() < deadline) {
            System.gc(); // the Cleaner closes what the collector finds unreachable
            finallies.await(100, TimeUnit.MILLISECONDS);
        }
        assertThat(finallies.getCount()).as("bodies not closed").isZero();
        for (Thread body : bodies) {
            assertThat(body.join(java.time.Duration.ofSeconds(10))).as("body thread ended").isTrue();
        }
        assertThat(afterExit).as("no body went on past GeneratorExit").hasValue(0);
    }

    /** Starts generators that nothing refers to once this returns. */
    private static void startAndAbandon(CountDownLatch finallies, List<Thread> bodies, AtomicInteger afterExit) {
        for (int i = 0; i < ABANDONED; i++) {
            Generator<Integer, Void> gen = Generator.of(y -> {
                synchronized (bodies) {
                    bodies.add(Thread.currentThread());
                }
                try {
                    y.yield(1);
                    afterExit.incrementAndGet();
                } finally {
                    finallies.countDown();
                }
            });
            gen.next();
        }
    }
}
