package dev.spindle.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chaos: 4 producer processes and 4 consumer processes move 1,000,000 numbered items through one
 * queue while a watchdog SIGKILLs a consumer in the middle of its work every 200 ms and starts a
 * replacement. Each consumer logs every item it takes in a shared log that outlives it. At the
 * end every item is in a log exactly once, except at most one per killed consumer (taken, not yet
 * logged: what the dead took with them), and no item is corrupt.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class QueueChaosTest {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int ITEMS = 1_000_000;
    private static final int MAX_CONSUMERS = 200;
    private static final long CHECK = 0x5DEECE66DL;
    /** Log layout: per consumer slot a count of entries, then the entries; an entry of -1 is a corrupt item. */
    private static final long SLOT_BYTES = 8 + 8L * ITEMS;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    @AfterEach
    void dropQueue() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    static byte[] item(long n) {
        return ByteBuffer.allocate(16).putLong(n).putLong(n ^ CHECK).array();
    }

    static void produces(Queue<byte[]> queue, int from) throws InterruptedException {
        for (int n = from; n < from + ITEMS / PRODUCERS; n++) {
            queue.put(item(n));
        }
    }

    /** Where a consumer logs: the log segment, and its slot there. */
    record LogSlot(String segment, int slot) implements java.io.Serializable {}

    static void consumes(Queue<byte[]> queue, LogSlot at) throws Exception {
        try (SharedSegment log = SharedSegment.open(at.segment())) {
            MemorySegment memory = log.memory();
            long base = at.slot() * SLOT_BYTES;
            long count = 0;
            while (true) {
                ByteBuffer item = ByteBuffer.wrap(queue.take());
                long n = item.remaining() == 16 ? item.getLong() : -1;
                if (n == Long.MIN_VALUE) {
                    return; // the end
                }
                boolean whole = n >= 0 && item.getLong() == (n ^ CHECK);
                memory.set(ValueLayout.JAVA_LONG, base + 8 + 8 * count, whole ? n : -1);
                LONG.setVolatile(memory, base, ++count);
            }
        }
    }

    private static long logged(MemorySegment memory, int slot) {
        return (long) LONG.getVolatile(memory, slot * SLOT_BYTES);
    }

    @Test
    void everyItemTheKilledConsumersHadNotTakenArrivesExactlyOnceAndWhole() throws Exception {
        Queue<byte[]> queue = Context.processes().queue(10_000);
        SharedSegment log = SharedSegment.create("chaoslog", SLOT_BYTES * MAX_CONSUMERS);
        try {
            MemorySegment memory = log.memory();
            List<ChildProcess> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                ChildProcess producer = new ChildProcess(QueueChaosTest::produces, queue, p * (ITEMS / PRODUCERS));
                producer.start();
                producers.add(producer);
            }
            List<ChildProcess> consumers = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            int nextSlot = 0;
            for (; nextSlot < CONSUMERS; nextSlot++) {
                consumers.add(startConsumer(queue, log.name(), nextSlot));
                slots.add(nextSlot);
            }
            int kills = 0;
            while (producers.stream().anyMatch(ChildProcess::isAlive) || queue.qsize() > 0) {
                Thread.sleep(200);
                int victim = ThreadLocalRandom.current().nextInt(CONSUMERS);
                if (logged(memory, slots.get(victim)) == 0 || nextSlot == MAX_CONSUMERS) {
                    continue; // still starting: no item to take with it
                }
                consumers.get(victim).kill();
                consumers.get(victim).join();
                kills++;
                consumers.set(victim, startConsumer(queue, log.name(), nextSlot));
                slots.set(victim, nextSlot++);
            }
            for (ChildProcess producer : producers) {
                producer.join();
                assertThat(producer.exitCode()).isZero();
            }
            byte[] end = ByteBuffer.allocate(16).putLong(Long.MIN_VALUE).putLong(0).array();
            for (int c = 0; c < CONSUMERS; c++) {
                queue.put(end);
            }
            for (ChildProcess consumer : consumers) {
                assertThat(consumer.join(Deadlines.CHILD)).isTrue();
                assertThat(consumer.exitCode()).isZero();
            }
            BitSet seen = new BitSet(ITEMS);
            long duplicates = 0;
            long corrupt = 0;
            for (int slot = 0; slot < nextSlot; slot++) {
                long count = logged(memory, slot);
                for (long i = 0; i < count; i++) {
                    long n = memory.get(ValueLayout.JAVA_LONG, slot * SLOT_BYTES + 8 + 8 * i);
                    if (n < 0 || n >= ITEMS) {
                        corrupt++;
                    } else if (seen.get((int) n)) {
                        duplicates++;
                    } else {
                        seen.set((int) n);
                    }
                }
            }
            int takenByTheDead = ITEMS - seen.cardinality();
            System.out.printf("queue chaos: %d consumers killed, %d items taken with them, %d delivered, none twice%n",
                    kills, takenByTheDead, seen.cardinality());
            assertThat(kills).as("consumers killed in the middle of their work").isGreaterThan(0);
            assertThat(duplicates).as("items delivered twice").isZero();
            assertThat(corrupt).as("corrupt items").isZero();
            assertThat(takenByTheDead).as("items lost: at most the one each killed consumer had taken").isLessThanOrEqualTo(kills);
            assertThat(queue.empty()).isTrue();
        } finally {
            log.unlink();
            log.close();
        }
    }

    private static ChildProcess startConsumer(Queue<byte[]> queue, String logName, int slot) {
        ChildProcess consumer = new ChildProcess(QueueChaosTest::consumes, queue, new LogSlot(logName, slot));
        consumer.start();
        return consumer;
    }
}
