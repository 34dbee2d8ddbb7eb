package dev.spindle.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.internal.queue.QueueLayout.Wait;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.queue.ShutDown;
import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python 3.13's {@code Queue.shutdown(immediate)} on queues shared by processes: the state lives
 * in the queue's segment, so a shutdown in one process refuses puts and gets in every other, and
 * wakes their blocked threads. Each test names the test of CPython's {@code Lib/test/test_queue.py}
 * it answers. Children that wait are gated on the queue's own count of sleeping waiters, so a
 * test sees a wake-up, not a child that arrived late and found the queue shut down.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ProcessQueueShutdownTest {
    /** Above half of a queue's ring: travels in a segment of its own. */
    private static final int SPILLED = 3 << 20;

    @AfterEach
    void dropQueues() throws InterruptedException {
        QueueWindows.reset();
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** A call whose outcome a child reports. */
    interface Call {
        Object call() throws Exception;
    }

    /** What {@code call} did, as a line a child puts into its answers queue. */
    private static String outcome(Call call) {
        try {
            return "returned " + call.call();
        } catch (ShutDown e) {
            return "ShutDown: " + e.getMessage();
        } catch (Exception e) {
            return e.toString();
        }
    }

    static void takesAndSays(Queue<Object> queue, Queue<String> said) throws InterruptedException {
        said.put(outcome(queue::take));
    }

    static void putsIntoAFullQueueAndSays(Queue<Object> queue, Queue<String> said) throws InterruptedException {
        said.put(outcome(() -> queue.offer("no room", 1, TimeUnit.HOURS)));
    }

    /** Waits until a thread of some process sleeps on {@code queue}'s futex word for {@code wait}. */
    private static void awaitAsleep(Queue<?> queue, Wait wait) throws InterruptedException {
        SharedQueue<?> shared = (SharedQueue<?>) queue;
        Deadlines.await("a child sleeps on the queue (" + wait + ")", Deadlines.CHILD,
                () -> QueueLayout.waitingVolatile(shared.segment().memory(), wait) > 0);
    }

    private static ChildProcess started(ChildProcess child) {
        child.start();
        return child;
    }

    private static void assertExitedCleanly(ChildProcess child) throws InterruptedException {
        assertThat(child.join(Deadlines.CHILD)).as("the child ended").isTrue();
        assertThat(child.exitCode()).isZero();
    }

    /**
     * CPython's {@code test_shutdown_pending_get}, {@code test_shutdown_get} and
     * {@code test_shutdown_immediate_get} (a getter blocked on an empty queue raises ShutDown), across
     * processes: a getter asleep in a child is woken by the parent's shutdown and throws
     * {@code ShutDown} there.
     */
    @ParameterizedTest(name = "immediate={0}")
    @ValueSource(booleans = {false, true})
    void aGetterBlockedInAChildWakesWithShutDownWhenTheParentShutsTheQueueDown(boolean immediate) throws Exception {
        Queue<Object> queue = Context.processes().queue();
        Queue<String> said = Context.processes().queue();
        ChildProcess child = started(new ChildProcess(ProcessQueueShutdownTest::takesAndSays, queue, said));
        awaitAsleep(queue, Wait.DATA);
        queue.shutdown(immediate);
        assertThat(said.get(Deadlines.CHILD)).startsWith("ShutDown: the queue").contains("shut down");
        assertExitedCleanly(child);
    }

    /**
     * CPython's {@code test_shutdown_put} and {@code test_shutdown_immediate_put} (putters blocked
     * on a full queue raise ShutDown), across processes: a putter asleep in a child waiting for room wakes
     * with {@code ShutDown}, and the parent's item stays for a non-immediate shutdown's gets.
     */
    @ParameterizedTest(name = "immediate={0}")
    @ValueSource(booleans = {false, true})
    void aPutterBlockedInAChildOnAFullQueueWakesWithShutDown(boolean immediate) throws Exception {
        Queue<Object> queue = Context.processes().queue(1);
        Queue<String> said = Context.processes().queue();
        queue.put("held");
        ChildProcess child = started(new ChildProcess(ProcessQueueShutdownTest::putsIntoAFullQueueAndSays, queue, said));
        awaitAsleep(queue, Wait.SPACE);
        queue.shutdown(immediate);
        assertThat(said.get(Deadlines.CHILD)).startsWith("ShutDown: the queue is shut down: it takes no more items");
        assertExitedCleanly(child);
        if (immediate) {
            assertThatThrownBy(queue::get).isInstanceOf(ShutDown.class).hasMessageContaining("dropped");
        } else {
            assertThat(queue.get()).as("what was in the queue still comes out").isEqualTo("held");
            assertThatThrownBy(queue::get).isInstanceOf(ShutDown.class).hasMessageContaining("empty");
        }
    }

    static void triesEveryPut(Queue<Object> queue, Queue<String> said) throws InterruptedException {
        said.put("isShutdown " + queue.isShutdown());
        said.put(outcome(() -> {
            queue.put("put");
            return null;
        }));
        said.put(outcome(() -> queue.offer("offer")));
        said.put(outcome(() -> queue.offer("offer with timeout", 1, TimeUnit.SECONDS)));
        said.put(outcome(() -> {
            queue.putNowait("putNowait");
            return null;
        }));
        said.put(outcome(() -> queue.add(new Object()))); // refused before its encoding would fail
    }

    /**
     * CPython's {@code test_shutdown_empty} (every put after shutdown raises ShutDown), from another
     * process: a child sees the parent's shutdown and each of its puts throws {@code ShutDown}.
     */
    @Test
    void everyPutOfAnotherProcessAfterShutdownThrowsShutDown() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        Queue<String> said = Context.processes().queue();
        queue.shutdown();
        ChildProcess child = started(new ChildProcess(ProcessQueueShutdownTest::triesEveryPut, queue, said));
        assertThat(said.get(Deadlines.CHILD)).isEqualTo("isShutdown true");
        for (int i = 0; i < 5; i++) {
            assertThat(said.get(Deadlines.CHILD)).isEqualTo("ShutDown: the queue is shut down: it takes no more items");
        }
        assertExitedCleanly(child);
        assertThat(queue.qsize()).isZero();
        assertThatThrownBy(queue::getNowait).isInstanceOf(ShutDown.class).hasMessageContaining("shut down and empty");
    }

    static void takesUntilShutDown(Queue<Object> queue, Queue<Object> said) throws InterruptedException {
        while (true) {
            try {
                Object item = queue.take();
                said.put(item instanceof byte[] bytes ? "bytes " + bytes.length : item);
            } catch (ShutDown e) {
                said.put("ShutDown: " + e.getMessage());
                said.put(outcome(queue::poll));
                said.put(outcome(() -> queue.get(Duration.ofSeconds(1))));
                said.put("peek " + queue.peek() + ", qsize " + queue.qsize());
                return;
            }
        }
    }

    /**
     * CPython's {@code test_shutdown_nonempty} and {@code test_shutdown_get} (after a plain shutdown,
     * gets take what is left, then raise ShutDown), from another process: a child takes every item the
     * parent left, large ones included, then each get throws.
     */
    @Test
    void afterAPlainShutdownAnotherProcessTakesWhatIsLeftThenGetsThrowShutDown() throws Exception {
        Queue<Object> queue = Context.processes().queue();
        Queue<Object> said = Context.processes().queue();
        queue.put("first");
        queue.put(new byte[SPILLED]);
        queue.put("last");
        queue.shutdown();
        assertThat(queue.qsize()).as("a plain shutdown keeps the items").isEqualTo(3);
        ChildProcess child = started(new ChildProcess(ProcessQueueShutdownTest::takesUntilShutDown, queue, said));
        List<Object> got = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            got.add(said.get(Deadlines.CHILD));
        }
        assertThat(got).containsExactly("first", "bytes " + SPILLED, "last",
                "ShutDown: the queue is shut down and empty", "ShutDown: the queue is shut down and empty",
                "ShutDown: the queue is shut down and empty", "peek null, qsize 0");
        assertExitedCleanly(child);
    }

    static void joinsAndSays(JoinableQueue<Object> queue, Queue<String> said) throws InterruptedException {
        queue.join();
        said.put("joined");
    }

    /**
     * CPython's {@code test_shutdown_immediate}, {@code test_shutdown_immediate_join} and
     * {@code test_shutdown_immediate_put_join} (an immediate shutdown drops the items, counting
     * them done, so join returns once the tasks taken are done), across processes: a child's join
     * returns after the parent's immediate shutdown and its one {@code taskDone}, the dropped large
     * item's segment is gone, and every get of any process throws.
     */
    @Test
    void anImmediateShutdownDropsTheItemsAsDoneSoAJoinInAChildReturns() throws Exception {
        JoinableQueue<Object> queue = Context.processes().joinableQueue();
        Queue<String> said = Context.processes().queue();
        queue.put("taken");
        queue.put(new byte[SPILLED]);
        queue.put("dropped");
        assertThat(queue.get()).isEqualTo("taken");
        ChildProcess child = started(new ChildProcess(ProcessQueueShutdownTest::joinsAndSays, queue, said));
        awaitAsleep(queue, Wait.JOIN);
        queue.shutdown(true);
        assertThat(queue.qsize()).isZero();
        assertThat(queue.empty()).isTrue();
        assertThat(itemSegments()).as("the dropped large item's segment is removed").isEmpty();
        assertThat(said.poll(Deadlines.QUIET.toMillis(), TimeUnit.MILLISECONDS))
                .as("the task taken before the shutdown is not done yet").isNull();
        queue.taskDone();
        assertThat(said.get(Deadlines.CHILD)).isEqualTo("joined");
        assertExitedCleanly(child);
        assertThatThrownBy(queue::taskDone).as("no task is left to mark done").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(queue::take).isInstanceOf(ShutDown.class).hasMessageContaining("dropped");
        assertThat(queue.join(Duration.ZERO)).isTrue();
    }

    /**
     * CPython's {@code test_shutdown_allowed_transitions} (a plain shutdown, then an immediate one,
     * which still drops the items; never back) and the idempotence of both.
     */
    @Test
    void anImmediateShutdownAfterAPlainOneStillDropsTheItems() throws Exception {
        JoinableQueue<Object> queue = Context.processes().joinableQueue();
        queue.put(1);
        queue.put(2);
        queue.shutdown();
        queue.shutdown();
        assertThat(queue.get()).isEqualTo(1);
        queue.shutdown(true);
        queue.shutdown(true);
        assertThat(queue.isShutdown()).isTrue();
        assertThatThrownBy(queue::get).isInstanceOf(ShutDown.class);
        assertThat(queue.join(Duration.ZERO)).as("item 1 is taken, not done").isFalse();
        queue.taskDone();
        assertThat(queue.join(Duration.ZERO)).isTrue();
        assertThat(queue.drainTo(new ArrayList<>())).as("a shut-down queue drains nothing, and says so").isZero();
    }

    static void shutsDownAndHangsAfterDroppingOne(JoinableQueue<Object> queue, Event inside) {
        QueueWindows.dropAfterOne = QueueFaultsTest.signalAndHang(inside);
        queue.shutdown(true);
    }

    /**
     * No CPython counterpart (its queues live in one process): a process SIGKILLed in the middle of
     * an immediate shutdown, holding both locks with one item dropped and two left, leaves the queue
     * shut down and whole: the next get takes over the locks, drops the rest (large item's segment
     * included) and throws {@code ShutDown}, and join returns once the task taken is done.
     */
    @Test
    void aProcessKilledInTheMiddleOfAnImmediateShutdownLeavesTheQueueShutDownAndWhole() throws Exception {
        JoinableQueue<Object> queue = Context.processes().joinableQueue();
        queue.put("taken");
        queue.put("dropped first");
        queue.put(new byte[SPILLED]);
        queue.put("dropped last");
        assertThat(queue.get()).isEqualTo("taken");
        Event inside = Context.processes().event();
        ChildProcess child = started(new ChildProcess(ProcessQueueShutdownTest::shutsDownAndHangsAfterDroppingOne,
                queue, inside));
        assertThat(inside.await(Deadlines.CHILD)).as("the child dropped one item").isTrue();
        child.kill();
        child.join();
        assertThat(queue.isShutdown()).isTrue();
        assertThat(queue.qsize()).as("what is left is dropped already for every reader").isZero();
        assertThatThrownBy(() -> queue.put("after")).isInstanceOf(ShutDown.class);
        assertThatThrownBy(queue::take).isInstanceOf(ShutDown.class).hasMessageContaining("dropped");
        assertThat(itemSegments()).as("the get dropped the large item the dead process left").isEmpty();
        assertThat(queue.join(Duration.ZERO)).isFalse();
        queue.taskDone();
        assertThat(queue.join(Deadlines.PROMPT)).isTrue();
    }

    private static List<String> itemSegments() throws IOException {
        return NoLeaks.ownSegments().stream().filter(n -> n.contains("-item-")).toList();
    }
}
