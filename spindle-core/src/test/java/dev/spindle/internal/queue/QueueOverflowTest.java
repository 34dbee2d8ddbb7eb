package dev.spindle.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Full;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * More items than the ring holds: they go on in overflow chunks, in order, and a put never waits
 * for a consumer unless the queue is at its maxsize (CPython's "joining processes that use
 * queues" deadlock cannot happen). Chunks a consumer has left are removed.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class QueueOverflowTest {
    /** Items of about 24 bytes in the ring: this many fill a 4 MiB ring several times over. */
    private static final int MANY = 600_000;

    @AfterEach
    void dropQueues() throws InterruptedException {
        QueueWindows.reset();
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static long chunkFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("spindle-" + ProcessHandle.current().pid() + "-")
                    && p.getFileName().toString().contains("-chunk-")).count();
        }
    }

    @Test
    void anUnboundedQueueTakesMoreThanItsRingWithoutWaitingAndKeepsTheOrder() throws Exception {
        Queue<Integer> queue = Context.processes().queue();
        for (int i = 0; i < MANY; i++) {
            queue.putNowait(i); // would throw Full if a put had to wait
        }
        assertThat(queue.qsize()).isEqualTo(MANY);
        assertThat(chunkFiles()).as("the overflow is in chunks").isGreaterThan(1);
        for (int i = 0; i < MANY / 2; i++) {
            assertThat(queue.getNowait()).isEqualTo(i);
        }
        for (int i = MANY; i < MANY + 1000; i++) {
            queue.put(i); // still behind the overflow's items
        }
        for (int i = MANY / 2; i < MANY + 1000; i++) {
            assertThat(queue.getNowait()).isEqualTo(i);
        }
        assertThat(queue.empty()).isTrue();
        assertThat(chunkFiles()).as("the chunks a consumer left are removed").isLessThanOrEqualTo(1);
        queue.put(-1); // drained: back to the ring
        assertThat(queue.get()).isEqualTo(-1);
    }

    @Test
    void aBoundedQueueWaitsOnlyAtItsMaxsizeNotForRoomInTheRing() throws Exception {
        Queue<byte[]> queue = Context.processes().queue(10_000);
        for (int i = 0; i < 10_000; i++) {
            queue.putNowait(new byte[1_000]); // 10 MB: more than the ring
        }
        assertThatThrownBy(() -> queue.putNowait(new byte[1])).isInstanceOf(Full.class);
        assertThat(queue.qsize()).isEqualTo(10_000);
        assertThat(queue.get()).hasSize(1_000);
        queue.putNowait(new byte[2]);
        assertThat(queue.qsize()).isEqualTo(10_000);
    }

    static void putsManyAndExits(Queue<Integer> queue) throws InterruptedException {
        for (int i = 0; i < MANY; i++) {
            queue.put(i);
        }
    }

    @Test
    void aProducerPutsFarMoreThanTheRingAndExitsBeforeAnyoneReads() throws Exception {
        Queue<Integer> queue = Context.processes().queue();
        ChildProcess child = new ChildProcess(QueueOverflowTest::putsManyAndExits, queue);
        child.start();
        assertThat(child.join(Deadlines.CHILD)).as("the producer's exit waits for no consumer").isTrue();
        assertThat(child.exitCode()).isZero();
        for (int i = 0; i < MANY; i++) {
            assertThat(queue.getNowait()).isEqualTo(i);
        }
    }

    static void fillsTheRingThenHangsInAnOverflowPut(Queue<Object> queue, Event inside) throws InterruptedException {
        while (queue.qsize() < 200_000) {
            queue.put(queue.qsize());
        }
        QueueWindows.putBeforeCommit = () -> {
            inside.set();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        queue.put("never");
    }

    static void takesFromTheOverflowAndHangsBeforeCommit(Queue<Object> queue, Event inside) throws InterruptedException {
        QueueWindows.getBeforeCommit = () -> {
            inside.set();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        queue.take();
    }

    @Test
    void processesKilledInTheMiddleOfOverflowPutsAndGetsLeaveItWhole() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        Event inside = Context.processes().event();
        ChildProcess producer = new ChildProcess(QueueOverflowTest::fillsTheRingThenHangsInAnOverflowPut, queue, inside);
        producer.start();
        assertThat(inside.await(Deadlines.CHILD)).isTrue();
        producer.kill();
        producer.join();
        assertThat(queue.qsize()).as("the killed put counts for nothing").isEqualTo(200_000);
        for (int i = 0; i < 200_000 - 1; i++) {
            assertThat(queue.getNowait()).isEqualTo(i);
        }
        Event taking = Context.processes().event();
        ChildProcess consumer = new ChildProcess(QueueOverflowTest::takesFromTheOverflowAndHangsBeforeCommit, queue, taking);
        consumer.start();
        assertThat(taking.await(Deadlines.CHILD)).isTrue();
        consumer.kill();
        consumer.join();
        assertThat(queue.getNowait()).as("the last item, whole, not taken by the killed consumer").isEqualTo(199_999);
        assertThat(queue.poll()).isNull();
        queue.put("after");
        assertThat(queue.get()).isEqualTo("after");
    }
}
