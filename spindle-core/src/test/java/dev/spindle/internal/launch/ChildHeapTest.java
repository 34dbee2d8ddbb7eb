package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;
import dev.spindle.testing.NoLeaks;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the target is a serializable method reference
class ChildHeapTest {
    private static final int MEBIBYTE = 1 << 20;
    private static final int ITEMS = 600;

    @AfterEach
    void dropQueues() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    @Test
    void aChildStartsWithASmallHeapUnlessItsOptionsSizeTheHeap() {
        assertThat(ChildHeap.defaultFor(List.of())).containsExactly(ChildHeap.INITIAL);
        assertThat(ChildHeap.defaultFor(List.of("-Dapp=1", "-Xss2m"))).containsExactly(ChildHeap.INITIAL);
        // An -Xmx below our -Xms would stop the JVM from starting.
        assertThat(ChildHeap.defaultFor(List.of("-Xmx8m"))).isEmpty();
        assertThat(ChildHeap.defaultFor(List.of("-Xms512m"))).isEmpty();
        assertThat(ChildHeap.defaultFor(List.of("-XX:MaxRAMPercentage=10"))).isEmpty();
    }

    static void putsMebibytesThenItsHeap(Queue<byte[]> items, Queue<Long> heap) throws InterruptedException {
        byte[] item = new byte[MEBIBYTE];
        for (int i = 0; i < ITEMS; i++) {
            items.put(item);
        }
        heap.put(Runtime.getRuntime().totalMemory());
    }

    /**
     * A child whose work has megabytes in flight at each collection (here, an encoded queue item)
     * keeps a heap of its initial size: with 16 MB, the young generation's survivor spaces (half a
     * megabyte) could not hold the item, so every collection promoted one, and the old generation
     * grew by each (to gigabytes) instead of being collected.
     */
    @Test
    @Timeout(120)
    void aChildPassingMegabyteItemsKeepsItsHeapSmall() throws Exception {
        Queue<byte[]> items = Context.processes().queue(2); // the child waits for room, an item in hand
        Queue<Long> heap = Context.processes().queue();
        ChildProcess child = new ChildProcess(ChildHeapTest::putsMebibytesThenItsHeap, items, heap);
        child.start();
        for (int i = 0; i < ITEMS; i++) {
            assertThat(items.take()).hasSize(MEBIBYTE);
        }
        long committed = heap.take();
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(committed).as("the child's committed heap after %d items of 1 MiB", ITEMS).isLessThan(160L * MEBIBYTE);
    }
}
