package dev.spindle.internal.queue;

import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.waits.Waits;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lincheck (stress mode): a cross-process queue's two lanes ({@link ItemRing} over a
 * {@link FastLane}) behave as one FIFO queue while small items (the lock-free lane) and large
 * ones (the slow lane, which closes the fast lane until it is empty) are put and taken at once.
 * Each thread has an {@link ItemRing} of its own over the one segment, so each writes into a
 * stage of its own, as separate processes do.
 */
@Tag("lincheck") // its agent instruments what loads after it: a JVM of its own (see the POM)
public class TwoLaneQueueLinearizabilityTest {
    private static final int CAPACITY = 64 << 10;
    /** Too large for the fast lane, small enough for the slow lane's ring. */
    private static final int LARGE = 20 << 10;
    /** Every segment Lincheck made us map: it builds instances that it never validates. */
    private static final Set<SharedSegment> MAPPED = ConcurrentHashMap.newKeySet();

    private final SharedSegment segment = SharedSegment.create("queue-lincheck",
            QueueLayout.RING + CAPACITY + FastLaneLayout.slotsBytes());
    private final Map<Thread, ItemRing> rings = new ConcurrentHashMap<>();

    public TwoLaneQueueLinearizabilityTest() {
        QueueLayout.initialize(segment.memory(), CAPACITY, 0, 1 << 20);
        MAPPED.add(segment);
    }

    @AfterAll
    static void unmapAll() {
        MAPPED.forEach(SharedSegment::unlinkWithBeside);
        MAPPED.forEach(SharedSegment::close);
        MAPPED.clear();
    }

    /** This thread's view of the queue, as one process's. */
    private ItemRing ring() {
        return rings.computeIfAbsent(Thread.currentThread(), t -> new ItemRing(segment.memory(), segment.name()));
    }

    @Operation
    public void put(int value) throws InterruptedException {
        ring().put(ByteBuffer.allocate(4).putInt(value).array(), Waits.NO_DEADLINE);
    }

    @Operation
    public void putLarge(int value) throws InterruptedException {
        ring().put(ByteBuffer.allocate(LARGE).putInt(value).array(), Waits.NO_DEADLINE);
    }

    /** Takes the oldest item without waiting: its value, or null if the queue is empty. */
    @Operation
    public Integer poll() throws InterruptedException {
        byte[] item = ring().take(System.nanoTime());
        return item == null ? null : ByteBuffer.wrap(item).getInt();
    }

    /** Runs after each invocation: its segment and stages are released, so none is left. */
    @Validate
    public void unmap() {
        if (MAPPED.remove(segment)) {
            segment.unlinkWithBeside();
            segment.close();
        }
    }

    /** The sequential specification: a FIFO queue of values, large or not. */
    public static final class Fifo {
        private final ArrayDeque<Integer> items = new ArrayDeque<>();

        public void put(int value) {
            items.add(value);
        }

        public void putLarge(int value) {
            items.add(value);
        }

        public Integer poll() {
            return items.poll();
        }
    }

    @Test
    void bothLanesTogetherAreOneFifoQueue() {
        StressOptions options = new StressOptions()
                .iterations(20)
                .invocationsPerIteration(200)
                .threads(3)
                .actorsPerThread(4)
                .sequentialSpecification(Fifo.class);
        options.check(TwoLaneQueueLinearizabilityTest.class);
    }
}
