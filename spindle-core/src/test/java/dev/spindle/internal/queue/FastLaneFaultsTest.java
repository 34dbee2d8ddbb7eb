package dev.spindle.internal.queue;

import static dev.spindle.internal.queue.QueueFaultsTest.killInside;
import static dev.spindle.internal.queue.QueueFaultsTest.signalAndHang;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.BrokenQueueException;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.ShutDown;
import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fast lane of a cross-process queue ({@link FastLane}): processes killed inside its windows
 * (after a put's claim, before a get's commit, inside an immediate shutdown), its stages taken
 * over from dead processes or not to be had, items switching between the lanes, and hostile
 * bytes in its words.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class FastLaneFaultsTest {
    /** Too large for the fast lane: goes the slow lane's ring. */
    private static final int SLOW_LANE = 64 << 10;

    @AfterEach
    void dropQueues() throws InterruptedException {
        QueueWindows.reset();
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static MemorySegment memoryOf(Queue<?> queue) {
        return ((SharedQueue<?>) queue).segment().memory();
    }

    static void putsAndHangsAfterClaim(Queue<Object> queue, Event inside) throws InterruptedException {
        QueueWindows.putAfterClaim = signalAndHang(inside);
        queue.put("claimed");
    }

    @Test
    void aProducerKilledAfterItsClaimLeavesItsItemForTheNextGet() throws Exception {
        JoinableQueue<Object> queue = Context.processes().joinableQueue();
        queue.put("first");
        Event inside = Context.processes().event();
        killInside(new ChildProcess(FastLaneFaultsTest::putsAndHangsAfterClaim, queue, inside), inside);
        assertThat(queue.qsize()).as("the claim is the put's commit").isEqualTo(2);
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("first");
        assertThat(queue.get(Deadlines.PROMPT)).as("published by the get that needed it").isEqualTo("claimed");
        queue.put("after"); // the next put publishes nothing twice
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("after");
        for (int i = 0; i < 3; i++) {
            queue.taskDone();
        }
        assertThat(queue.join(Duration.ZERO)).as("the dead producer's item is a task").isTrue();
    }

    @Test
    void aProducerKilledAfterItsClaimHasItsSlotPublishedByTheNextPut() throws Exception {
        JoinableQueue<Object> queue = Context.processes().joinableQueue(); // as the test above: one shape of the child's target
        Event inside = Context.processes().event();
        killInside(new ChildProcess(FastLaneFaultsTest::putsAndHangsAfterClaim, queue, inside), inside);
        queue.put("next");
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("claimed");
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("next");
        assertThat(queue.empty()).isTrue();
    }

    static void takesAndHangsBeforeCommit(Queue<Object> queue, Event inside) throws InterruptedException {
        QueueWindows.getBeforeCommit = signalAndHang(inside);
        queue.take();
    }

    @Test
    void aConsumerKilledAfterCopyingBeforeItsCommitLeavesTheItem() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        queue.put("a");
        queue.put("b");
        Event inside = Context.processes().event();
        killInside(new ChildProcess(FastLaneFaultsTest::takesAndHangsBeforeCommit, queue, inside), inside);
        assertThat(queue.qsize()).isEqualTo(2);
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("a");
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("b");
    }

    static void putsFromAStage(Queue<Object> queue, Event put) throws InterruptedException {
        queue.put("from the dead");
        put.set();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void aDeadProcesssStageIsTakenOverOnlyOnceNoneOfItsItemsIsLeft() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        Event put = Context.processes().event();
        ChildProcess child = new ChildProcess(FastLaneFaultsTest::putsFromAStage, queue, put);
        child.start();
        assertThat(put.await(Deadlines.CHILD)).isTrue();
        long childWord = ProcessIdentity.of(child.pid()).word();
        child.kill();
        child.join();
        MemorySegment memory = memoryOf(queue);
        int childStage = stageOwnedBy(memory, childWord);
        long someoneAlive = ProcessIdentity.of(1).word();
        for (int k = 0; k < FastLaneLayout.STAGES; k++) { // every other stage is a live process's: the dead one's is the only candidate
            if (k != childStage) {
                FastLaneLayout.casOwner(memory, k, FastLaneLayout.ownerVolatile(memory, k), someoneAlive);
            }
        }
        queue.put("mine"); // the dead child's item is still in its stage: this goes the slow lane
        assertThat(FastLaneLayout.ownerVolatile(memory, childStage)).isEqualTo(childWord);
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("from the dead");
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("mine");
        List<Object> taken = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) { // past the stage searches a process skips after finding none
            queue.put(i);
            taken.add(queue.get(Deadlines.PROMPT));
        }
        assertThat(taken).hasSize(2_000).startsWith(0, 1, 2).endsWith(1_999);
        assertThat(FastLaneLayout.ownerVolatile(memory, childStage)).as("taken over once its items were gone")
                .isEqualTo(ProcessIdentity.self().word());
    }

    @Test
    void aStageThisProcessOwnsButNoLaneHereHoldsIsTakenOverByItsNextLane() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        MemorySegment memory = memoryOf(queue);
        long self = ProcessIdentity.self().word();
        long someoneAlive = ProcessIdentity.of(1).word();
        FastLaneLayout.casOwner(memory, 0, 0, self); // as a lane of this process that became unreachable left it
        for (int k = 1; k < FastLaneLayout.STAGES; k++) {
            FastLaneLayout.casOwner(memory, k, 0, someoneAlive);
        }
        queue.put("fast");
        assertThat(FastLaneLayout.isSlow(FastLaneLayout.tailVolatile(memory))).as("put through stage 0").isFalse();
        assertThat(FastLaneLayout.stageOf(FastLaneLayout.lastRef(FastLaneLayout.tailVolatile(memory)))).isZero();
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("fast");
    }

    private static int stageOwnedBy(MemorySegment memory, long word) {
        for (int k = 0; k < FastLaneLayout.STAGES; k++) {
            if (FastLaneLayout.ownerVolatile(memory, k) == word) {
                return k;
            }
        }
        throw new AssertionError("no stage of " + word);
    }

    @Test
    void withNoStageToHaveItemsGoTheSlowLaneInOrder() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        MemorySegment memory = memoryOf(queue);
        long someoneAlive = ProcessIdentity.of(1).word();
        for (int k = 0; k < FastLaneLayout.STAGES; k++) {
            FastLaneLayout.casOwner(memory, k, 0, someoneAlive);
        }
        for (int i = 0; i < 100; i++) {
            queue.put(i);
        }
        assertThat(FastLaneLayout.isSlow(FastLaneLayout.tailVolatile(memory))).isTrue();
        assertThat(queue.qsize()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(queue.get(Deadlines.PROMPT)).isEqualTo(i);
        }
        assertThat(queue.empty()).isTrue();
    }

    @Test
    void itemsKeepTheirOrderAcrossTheLanesAndTheFastLaneReopensOnceTheSlowOneIsEmpty() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        MemorySegment memory = memoryOf(queue);
        queue.put("fast 1");
        queue.put(new byte[SLOW_LANE]);
        assertThat(FastLaneLayout.isSlow(FastLaneLayout.tailVolatile(memory))).as("closed by the slow put").isTrue();
        queue.put("slow 2");
        assertThat(queue.qsize()).isEqualTo(3);
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("fast 1");
        assertThat((byte[]) queue.get(Deadlines.PROMPT)).hasSize(SLOW_LANE);
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("slow 2");
        queue.put("fast again");
        assertThat(FastLaneLayout.isSlow(FastLaneLayout.tailVolatile(memory))).as("reopened").isFalse();
        assertThat(FastLaneLayout.headTicket(FastLaneLayout.headVolatile(memory))).isEqualTo(1);
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("fast again");
    }

    @Test
    void aGetThatFoundTheFastLaneEmptyStillTakesAFastItemPutBeforeTheSlowOneItFinds() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        queue.put(marked(1)); // the slow lane's; the fast one is closed
        AtomicBoolean once = new AtomicBoolean();
        List<Object> inside = new ArrayList<>();
        QueueWindows.getAfterLaneEmpty = () -> {
            if (once.compareAndSet(false, true)) {
                try { // between the get's two looks: the slow item goes, a fast put (the lane reopens), a slow one
                    inside.add(((byte[]) queue.get(Deadlines.PROMPT))[0]);
                    queue.put("fast");
                    queue.put(marked(2));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        };
        assertThat(queue.get(Deadlines.PROMPT)).as("the older item first").isEqualTo("fast");
        assertThat(inside).containsExactly((byte) 1);
        assertThat(((byte[]) queue.get(Deadlines.PROMPT))[0]).isEqualTo((byte) 2);
    }

    private static byte[] marked(int mark) {
        byte[] item = new byte[SLOW_LANE];
        item[0] = (byte) mark;
        return item;
    }

    @Test
    void aFullFastLaneSendsPutsToTheSlowLaneWithoutLosingOrder() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        int items = FastLaneLayout.SLOTS + 1_000;
        for (int i = 0; i < items; i++) {
            queue.put(i);
        }
        assertThat(FastLaneLayout.isSlow(FastLaneLayout.tailVolatile(memoryOf(queue)))).isTrue();
        assertThat(queue.qsize()).isEqualTo(items);
        for (int i = 0; i < items; i++) {
            assertThat(queue.get(Deadlines.PROMPT)).isEqualTo(i);
        }
    }

    static void shutsDownAndHangsAfterFreezing(JoinableQueue<Object> queue, Event inside) throws InterruptedException {
        QueueWindows.shutdownAfterFreeze = signalAndHang(inside);
        queue.shutdown(true);
    }

    @Test
    void anImmediateShutdownKilledAfterFreezingIsFinishedByTheNextGet() throws Exception {
        JoinableQueue<Object> queue = Context.processes().joinableQueue();
        queue.put("taken");
        queue.put("dropped 1");
        queue.put("dropped 2");
        assertThat(queue.get(Deadlines.PROMPT)).isEqualTo("taken");
        Event inside = Context.processes().event();
        killInside(new ChildProcess(FastLaneFaultsTest::shutsDownAndHangsAfterFreezing, queue, inside), inside);
        assertThatThrownBy(() -> queue.get(Deadlines.PROMPT)).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> queue.put("late")).isInstanceOf(ShutDown.class);
        assertThat(queue.qsize()).isZero();
        assertThat(queue.join(Duration.ZERO)).as("the taken item is still a task").isFalse();
        queue.taskDone();
        assertThat(queue.join(Duration.ZERO)).as("the dropped ones count as done").isTrue();
    }

    @Test
    void hostileLaneWordsBreakTheQueueWithAClearError() throws Exception {
        Queue<Object> ahead = Context.processes().queue();
        MemorySegment memory = memoryOf(ahead);
        FastLaneLayout.casTail(memory, FastLaneLayout.tailVolatile(memory), FastLaneLayout.tail(1L << 30, false, 0));
        assertThatThrownBy(ahead::take).isInstanceOf(BrokenQueueException.class).hasMessageContaining("tickets past its head");
        assertThatThrownBy(() -> ahead.put("x")).isInstanceOf(BrokenQueueException.class);

        Queue<Object> garbage = Context.processes().queue();
        garbage.put("real");
        MemorySegment slots = FastLaneLayout.slots(memoryOf(garbage), SharedQueue.RING_BYTES);
        long slot = FastLaneLayout.slotVolatile(slots, 0);
        long unwritten = FastLaneLayout.ref(FastLaneLayout.stageOf(FastLaneLayout.slotRef(slot)),
                FastLaneLayout.STAGE_BYTES - 8); // zeros: no item a put writes
        FastLaneLayout.casSlot(slots, 0, slot, FastLaneLayout.slot(0, unwritten));
        assertThatThrownBy(garbage::take).isInstanceOf(BrokenQueueException.class).hasMessageContaining("corrupt queue item");

        Queue<Object> nowhere = Context.processes().queue();
        nowhere.put("real");
        MemorySegment nowhereSlots = FastLaneLayout.slots(memoryOf(nowhere), SharedQueue.RING_BYTES);
        long real = FastLaneLayout.slotVolatile(nowhereSlots, 0);
        FastLaneLayout.casSlot(nowhereSlots, 0, real, FastLaneLayout.slot(0, FastLaneLayout.ref(FastLaneLayout.STAGES - 1, 0)));
        assertThatThrownBy(nowhere::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("stage 31 is gone");
    }
}
