package dev.spindle.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.internal.queue.QueueLayout.Side;
import dev.spindle.internal.shm.ObjectSegment;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import dev.spindle.testing.ParentJvm;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Processes killed inside a queue's critical sections, held there by {@link QueueWindows}: before
 * a get commits, after it, before a put commits; hostile bytes in the ring; and every process of
 * a queue killed at once.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class QueueFaultsTest {
    private static final int SPILLED = 3 << 20;
    private static final int INLINE_LARGE = 1 << 20;
    /** Too large for the fast lane, so it goes the slow lane's ring. */
    private static final int SLOW_LANE = 64 << 10;

    @AfterEach
    void dropQueues() throws InterruptedException {
        QueueWindows.reset();
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** A window's hook: says the thread is inside, and holds it there until its process is killed. */
    static Runnable signalAndHang(Event inside) {
        return () -> {
            inside.set();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    static void takesAndHangsBeforeCommit(Queue<Object> queue, Event inside) throws InterruptedException {
        QueueWindows.getBeforeCommit = signalAndHang(inside);
        queue.take();
    }

    static void takesAndHangsAfterCommit(Queue<Object> queue, Event inside) throws InterruptedException {
        QueueWindows.getAfterCommit = signalAndHang(inside);
        queue.take();
    }

    static void putsAndHangsBeforeCommit(Queue<Object> queue, Event inside) throws InterruptedException {
        QueueWindows.putBeforeCommit = signalAndHang(inside);
        queue.put(new byte[SPILLED]);
    }

    static void putsLargeInlineAndHangsBeforeCommit(Queue<Object> queue, Event inside) throws InterruptedException {
        QueueWindows.putBeforeCommit = signalAndHang(inside);
        queue.put(new byte[INLINE_LARGE]);
    }

    static void killInside(ChildProcess child, Event inside) throws InterruptedException {
        child.start();
        assertThat(inside.await(Deadlines.CHILD)).as("the child reached the window").isTrue();
        child.kill();
        child.join();
    }

    private static byte[] marked(int size, int mark) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) mark);
        return bytes;
    }

    @Test
    void aConsumerKilledBeforeItsGetCommitsLeavesTheItemWholeForTheNext() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        queue.put(marked(SPILLED, 1));
        queue.put(marked(INLINE_LARGE, 2));
        queue.put("small");
        for (int i = 0; i < 3; i++) {
            Event inside = Context.processes().event();
            killInside(new ChildProcess(QueueFaultsTest::takesAndHangsBeforeCommit, queue, inside), inside);
            assertThat(queue.qsize()).as("nothing was taken").isEqualTo(3 - i);
            Object item = queue.get(Deadlines.CHILD);
            switch (i) {
                case 0 -> assertThat((byte[]) item).isEqualTo(marked(SPILLED, 1));
                case 1 -> assertThat((byte[]) item).isEqualTo(marked(INLINE_LARGE, 2));
                default -> assertThat(item).isEqualTo("small");
            }
        }
        assertThat(queue.empty()).isTrue();
    }

    @Test
    void aConsumerKilledAfterItsGetCommittedTookThatItemAndNoOther() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        queue.put(marked(SPILLED, 1));
        queue.put("next");
        Event inside = Context.processes().event();
        killInside(new ChildProcess(QueueFaultsTest::takesAndHangsAfterCommit, queue, inside), inside);
        assertThat(queue.qsize()).isEqualTo(1);
        assertThat(queue.get(Deadlines.CHILD)).as("the taken item is not delivered again").isEqualTo("next");
        assertThat(queue.poll()).isNull();
        queue.put("still usable");
        assertThat(queue.get()).isEqualTo("still usable");
    }

    @Test
    void aProducerKilledBeforeItsPutCommitsLeavesNoItemAndTheQueueUsable() throws Exception {
        for (boolean spilled : List.of(true, false)) {
            JoinableQueue<Object> queue = Context.processes().joinableQueue(1);
            Event inside = Context.processes().event();
            killInside(new ChildProcess(spilled ? QueueFaultsTest::putsAndHangsBeforeCommit
                    : QueueFaultsTest::putsLargeInlineAndHangsBeforeCommit, queue, inside), inside);
            assertThat(queue.join(Deadlines.PROMPT)).as("the uncommitted put is no task").isTrue();
            assertThat(queue.qsize()).isZero();
            assertThat(queue.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
            queue.put("after", Deadlines.PROMPT); // the dead producer's lock is taken over, and maxsize 1 is free
            assertThat(queue.qsize()).isEqualTo(1);
            assertThat(queue.get()).isEqualTo("after");
            queue.taskDone();
            assertThat(queue.join(Duration.ZERO)).isTrue();
        }
    }

    private static MemorySegment memoryOf(SharedQueue<?> queue) {
        return queue.segment().memory();
    }

    /** Puts a raw item into the ring, as a process writing hostile bytes could. */
    private static void forge(SharedQueue<?> queue, int length, int kind, byte[] payload) {
        MemorySegment memory = memoryOf(queue);
        MemorySegment ring = QueueLayout.ring(memory, SharedQueue.RING_BYTES);
        long tail = QueueLayout.positionVolatile(memory, Side.PUT.ring);
        QueueLayout.setItemHeaderPlain(ring, tail, length, kind);
        MemorySegment.copy(payload, 0, ring, ValueLayout.JAVA_BYTE, tail + QueueLayout.ITEM_HEADER, payload.length);
        QueueLayout.setCountVolatile(memory, Side.PUT, QueueLayout.countVolatile(memory, Side.PUT) + 1);
        QueueLayout.setPositionVolatile(memory, Side.PUT.ring, tail + QueueLayout.footprint(payload.length));
    }

    /** Every later call on the queue, from any process, fails at once with the one reason. */
    private static void assertBroken(SharedQueue<Object> queue, String reason) {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(queue::take).isInstanceOf(dev.spindle.queue.BrokenQueueException.class)
                    .hasMessageContaining("is broken: " + reason).hasMessageContaining("make a new queue");
            assertThatThrownBy(() -> queue.put("after")).isInstanceOf(dev.spindle.queue.BrokenQueueException.class);
            assertThatThrownBy(queue::qsize).isInstanceOf(dev.spindle.queue.BrokenQueueException.class);
        }
    }

    @Test
    void aCorruptRingBreaksTheQueueOnceForEveryCallInsteadOfFailingOrAllocatingOnEach() throws Exception {
        SharedQueue<Object> huge = SharedQueue.create(0, Integer.MAX_VALUE - 16);
        forge(huge, 0x7FFFFF00, 1, new byte[8]);
        assertThatThrownBy(huge::take).isInstanceOf(dev.spindle.queue.BrokenQueueException.class)
                .hasMessageContaining("length 2147483392");
        assertBroken(huge, "an item's length or kind");

        SharedQueue<Object> large = SharedQueue.create(0, Integer.MAX_VALUE - 16);
        forge(large, 100_000_000, 1, new byte[8]);
        QueueLayout.setPositionVolatile(memoryOf(large), Side.PUT.ring, 1L << 40); // and a tail that says it is all there
        assertThatThrownBy(large::take).isInstanceOf(dev.spindle.queue.BrokenQueueException.class)
                .hasMessageContaining("position is outside the ring");
        assertBroken(large, "its read or write position");

        SharedQueue<Object> behind = SharedQueue.create(0, 1 << 20);
        behind.put(new byte[SLOW_LANE]);
        assertThat((byte[]) behind.take()).hasSize(SLOW_LANE);
        QueueLayout.setPositionVolatile(memoryOf(behind), Side.PUT.ring, 0);
        QueueLayout.setCountVolatile(memoryOf(behind), Side.PUT, 5); // a getter would find items and a tail behind its head
        assertThatThrownBy(behind::take).isInstanceOf(dev.spindle.queue.BrokenQueueException.class);
        assertBroken(behind, "its read or write position");
    }

    @Test
    void hostileBytesInTheRingGiveAClearErrorNotAHugeAllocation() throws Exception {
        SharedQueue<Object> lengthy = SharedQueue.create(0, dev.spindle.ReadLimits.defaults().maxBytes());
        forge(lengthy, Integer.MAX_VALUE, 1, new byte[8]);
        assertThatThrownBy(lengthy::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("corrupt");

        SharedQueue<Object> kinded = SharedQueue.create(0, dev.spindle.ReadLimits.defaults().maxBytes());
        forge(kinded, 8, 99, new byte[8]);
        assertThatThrownBy(kinded::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("kind 99");

        SharedQueue<Object> escaping = SharedQueue.create(0, dev.spindle.ReadLimits.defaults().maxBytes());
        byte[] name = "\0\0\0\u0010../../etc/passwd".getBytes(StandardCharsets.US_ASCII);
        forge(escaping, name.length, 2, name);
        assertThatThrownBy(escaping::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("outside its queue");

        SharedQueue<Object> garbage = SharedQueue.create(0, dev.spindle.ReadLimits.defaults().maxBytes());
        forge(garbage, 4, 1, new byte[] {1, 2, 3, 4});
        assertThatThrownBy(garbage::take).isInstanceOf(RuntimeException.class);
        garbage.put("fine");
        assertThat(garbage.take()).as("the ring goes on after the bad item").isEqualTo("fine");
    }

    @Test
    void aQueueArrivingInTheFormOfAnotherKindIsRefused() throws Exception {
        dev.spindle.sync.Lock lock = Context.processes().lock();
        String lockSegment = ((ObjectSegment.Ref) dev.spindle.internal.travel.Travel.depart(lock)).segmentName();
        assertThatThrownBy(() -> new ObjectSegment.Ref(lockSegment, SharedQueue.class, null).arrive())
                .isInstanceOf(IOException.class).hasMessageContaining("Queue");
        lock.lock();
        lock.unlock();
    }

    /** A parent JVM: makes a queue, has a child put small and large items into it, says so, and waits to be killed. */
    public static final class QueueOwner {
        public static void main(String[] args) throws Exception {
            Queue<Object> queue = Context.processes().queue();
            Event put = Context.processes().event();
            ChildProcess child = new ChildProcess(QueueFaultsTest::putsAndWaits, queue, put);
            child.start();
            put.await(Deadlines.CHILD);
            System.out.println("child " + child.pid() + " put " + queue.qsize());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    static void putsAndWaits(Queue<Object> queue, Event put) throws Exception {
        queue.put("small");
        queue.put(new byte[SPILLED]);
        Queue<Object> own = Context.processes().queue(); // one the child makes
        own.put(new byte[SPILLED]);
        put.set();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static List<String> segmentsOf(long pid) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("spindle-" + pid + "-")).toList();
        }
    }

    @Test
    void afterEveryProcessOfAQueueIsKilledNoSegmentIsLeft() throws Exception {
        try (ParentJvm owner = ParentJvm.start(QueueOwner.class)) {
            Deadlines.await("the child put its items", Deadlines.CHILD, () -> owner.output().contains(" put 2"));
            String out = owner.output();
            long child = Long.parseLong(out.substring(out.indexOf("child ") + 6, out.indexOf(" put")).trim());
            assertThat(segmentsOf(owner.pid())).as("the queue, its event and the large item").hasSizeGreaterThanOrEqualTo(3);
            assertThat(segmentsOf(child)).as("the child's own queue and its item").hasSizeGreaterThanOrEqualTo(2);
            owner.kill();
            owner.waitFor(Deadlines.PROMPT);
            Deadlines.await("every segment of the killed processes is removed", Deadlines.CHILD, () -> {
                try {
                    return segmentsOf(owner.pid()).isEmpty() && segmentsOf(child).isEmpty();
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
