package dev.spindle.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.queue.JoinableQueue;
import dev.spindle.queue.Queue;
import dev.spindle.testing.Deadlines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The orders of {@link LocalQueue} (Python's {@code Queue}, {@code LifoQueue} and
 * {@code PriorityQueue}): which item comes out next, and the blocking rules every order shares
 * because the queue, not the order, counts {@code maxsize} and waits. A blocked put or take is
 * seen by its thread's state, never by sleeping.
 */
class LocalQueueOrdersTest {
    static Stream<IntFunction<Queue<Integer>>> orders() {
        return Stream.of(LocalQueue::create, LocalQueue::lifo, maxsize -> LocalQueue.priority(maxsize, null));
    }

    /** Runs {@code body} in a platform thread of its own; the thread's task is its outcome. */
    private record Running(Thread thread, FutureTask<Object> outcome) {
        static Running start(Callable<Object> body) {
            FutureTask<Object> outcome = new FutureTask<>(body);
            return new Running(Thread.ofPlatform().start(outcome), outcome);
        }

        /** Waits until the thread is parked in an untimed wait: a put for room, a take for an item. */
        Running blocked() throws InterruptedException {
            Deadlines.await("the thread waits in the queue", Deadlines.PROMPT, () -> thread.getState() == Thread.State.WAITING);
            assertThat(outcome).isNotDone();
            return this;
        }

        Object result() throws Exception {
            return outcome.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static <T> Running putting(Queue<T> queue, T item) {
        return Running.start(() -> {
            queue.put(item);
            return "put " + item;
        });
    }

    private static List<Integer> takeAll(Queue<Integer> queue) {
        List<Integer> taken = new ArrayList<>();
        for (Integer item; (item = queue.poll()) != null; ) {
            taken.add(item);
        }
        return taken;
    }

    @Test
    void aLifoQueueGivesTheNewestItemFirst() throws Exception {
        Queue<Integer> queue = LocalQueue.lifo(0);
        for (int i = 1; i <= 5; i++) {
            queue.put(i);
        }
        assertThat(queue.peek()).isEqualTo(5);
        assertThat(queue).as("iterated in the order they come out").containsExactly(5, 4, 3, 2, 1);
        assertThat(queue.toString()).isEqualTo("LifoQueue[5, 4, 3, 2, 1]");
        assertThat(queue.take()).isEqualTo(5);
        queue.put(6);
        assertThat(takeAll(queue)).containsExactly(6, 4, 3, 2, 1);
    }

    @Test
    void aPriorityQueueGivesTheSmallestItemFirstInNaturalOrderOrAComparators() throws Exception {
        Queue<Integer> natural = LocalQueue.priority(0, null);
        Queue<Integer> largestFirst = LocalQueue.priority(0, Comparator.reverseOrder());
        for (int item : List.of(5, 1, 4, 2, 3, 1)) {
            natural.put(item);
            largestFirst.put(item);
        }
        assertThat(natural.peek()).isEqualTo(1);
        assertThat(natural).as("a snapshot, in no particular order").containsExactlyInAnyOrder(1, 1, 2, 3, 4, 5);
        assertThat(natural.toString()).startsWith("PriorityQueue[");
        assertThat(takeAll(natural)).containsExactly(1, 1, 2, 3, 4, 5);
        assertThat(takeAll(largestFirst)).containsExactly(5, 4, 3, 2, 1, 1);
    }

    @Test
    void eachKindNamesItselfAsPythonsClass() {
        assertThat(LocalQueue.create(0)).hasToString("Queue[]");
        assertThat(LocalQueue.lifo(0)).hasToString("LifoQueue[]");
        assertThat(LocalQueue.priority(0, null)).hasToString("PriorityQueue[]");
        assertThat(LocalQueue.joinable(0)).hasToString("JoinableQueue[]");
        assertThat(LocalQueue.joinableLifo(0)).hasToString("JoinableLifoQueue[]");
        assertThat(LocalQueue.joinablePriority(0, null)).hasToString("JoinablePriorityQueue[]");
        assertThatThrownBy(() -> LocalQueue.lifo(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalQueue.priority(-1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("orders")
    void aFullQueueOfEachOrderBlocksAPutUntilATakeMakesRoom(IntFunction<Queue<Integer>> order) throws Exception {
        Queue<Integer> queue = order.apply(2);
        queue.put(3);
        queue.put(1);
        assertThat(queue.full()).isTrue();
        assertThat(queue.remainingCapacity()).isZero();
        assertThat(queue.offer(2)).isFalse();
        assertThat(queue.offer(2, 0, TimeUnit.SECONDS)).as("a zero timeout does not wait").isFalse();
        assertThat(queue.offer(2, -1, TimeUnit.SECONDS)).as("nor a negative one").isFalse();
        Running putter = putting(queue, 2).blocked();
        int first = queue.take();
        assertThat(putter.result()).isEqualTo("put 2");
        List<Integer> all = new ArrayList<>(takeAll(queue));
        all.add(first);
        assertThat(all).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(queue.poll(0, TimeUnit.SECONDS)).isNull();
        assertThat(queue.poll(-1, TimeUnit.SECONDS)).isNull();
    }

    @ParameterizedTest
    @MethodSource("orders")
    void anEmptyQueueOfEachOrderBlocksATakeUntilAPutAndAnInterruptEndsIt(IntFunction<Queue<Integer>> order) throws Exception {
        Queue<Integer> queue = order.apply(1);
        Running taker = Running.start(queue::take).blocked();
        queue.put(7);
        assertThat(taker.result()).isEqualTo(7);
        Running interrupted = Running.start(queue::take).blocked();
        interrupted.thread().interrupt();
        assertThatThrownBy(interrupted::result).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        queue.put(8);
        assertThat(queue.poll()).as("the interrupted take took nothing").isEqualTo(8);
    }

    @Test
    void aBoundedPriorityQueueKeepsItsBoundAndItsOrder() throws Exception {
        Queue<Integer> queue = LocalQueue.priority(3, null);
        for (int item : List.of(30, 10, 20)) {
            assertThat(queue.offer(item)).isTrue();
        }
        assertThat(queue.offer(5)).as("full, though 5 would come out first").isFalse();
        assertThatThrownBy(() -> queue.add(5)).isInstanceOf(IllegalStateException.class);
        Running putter = putting(queue, 5).blocked();
        assertThat(queue.take()).isEqualTo(10);
        assertThat(putter.result()).isEqualTo("put 5");
        assertThat(takeAll(queue)).containsExactly(5, 20, 30);
    }

    @Test
    void aNaturalOrderRefusesAnItemThatIsNotComparableAtItsPut() throws Exception {
        Queue<Object> queue = LocalQueue.priority(0, null);
        queue.put(1);
        Object notComparable = new Object();
        assertThatThrownBy(() -> queue.put(notComparable)).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("Comparable").hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> queue.offer("a string among integers")).isInstanceOf(ClassCastException.class);
        assertThat(queue).containsExactly(1);
        JoinableQueue<Object> joinable = LocalQueue.joinablePriority(0, null);
        assertThatThrownBy(() -> joinable.offer(notComparable)).isInstanceOf(ClassCastException.class);
        assertThat(joinable.join(Duration.ZERO)).as("the refused item counts no task").isTrue();
        assertThat(joinable.isEmpty()).isTrue();
    }

    @Test
    void aPutRefusedAfterItsWaitPassesTheRoomToTheNextPut() throws Exception {
        Queue<Object> queue = LocalQueue.priority(1, null);
        queue.put(1);
        Running refused = putting(queue, new Object()).blocked();
        Running next = putting(queue, 2).blocked();
        assertThat(queue.take()).as("wakes the put that waited first").isEqualTo(1);
        assertThatThrownBy(refused::result).hasCauseInstanceOf(ClassCastException.class);
        assertThat(next.result()).isEqualTo("put 2");
        assertThat(queue).containsExactly(2);
    }

    @Test
    void aJoinableLifoQueueCountsTasks() throws Exception {
        JoinableQueue<String> queue = LocalQueue.joinableLifo(0);
        queue.put("a");
        queue.put("b");
        assertThat(queue.get()).isEqualTo("b");
        queue.taskDone();
        assertThat(queue.join(Duration.ZERO)).isFalse();
        assertThat(queue.get()).isEqualTo("a");
        queue.taskDone();
        assertThat(queue.join(Duration.ZERO)).isTrue();
    }

    @Test
    void theIteratorIsASnapshotWhoseRemoveTakesThatItemOut() throws Exception {
        Queue<Integer> queue = LocalQueue.create(3);
        queue.addAll(List.of(1, 2, 3));
        Iterator<Integer> it = queue.iterator();
        assertThatThrownBy(it::remove).as("no next() yet").isInstanceOf(IllegalStateException.class);
        assertThat(it.next()).isEqualTo(1);
        assertThat(it.next()).isEqualTo(2);
        Running putter = putting(queue, 4).blocked();
        it.remove();
        assertThat(putter.result()).as("the room it left wakes a put").isEqualTo("put 4");
        assertThatThrownBy(it::remove).as("twice").isInstanceOf(IllegalStateException.class);
        assertThat(it.next()).isEqualTo(3);
        assertThat(it.hasNext()).as("the put after the snapshot is not in it").isFalse();
        assertThat(queue).containsExactly(1, 3, 4);
        Iterator<Integer> stale = queue.iterator();
        assertThat(stale.next()).isEqualTo(1);
        assertThat(queue.take()).isEqualTo(1);
        stale.remove(); // already gone: nothing else is removed
        assertThat(queue).containsExactly(3, 4);
        assertThat(queue.remove((Object) 4)).isTrue();
        assertThat(queue.remove((Object) 4)).isFalse();
        assertThat(queue.remove(null)).isFalse();
        assertThat(queue.contains(3)).isTrue();
    }

    @Test
    void drainToMovesAtMostMaxElementsInOrderAndWakesAPutForEachFreedRoom() throws Exception {
        Queue<Integer> queue = LocalQueue.priority(4, null);
        queue.addAll(List.of(40, 10, 30, 20));
        Running first = putting(queue, 5).blocked();
        Running second = putting(queue, 6).blocked();
        List<Integer> sink = new ArrayList<>();
        assertThat(queue.drainTo(sink, 3)).isEqualTo(3);
        assertThat(sink).containsExactly(10, 20, 30);
        assertThat(first.result()).isEqualTo("put 5");
        assertThat(second.result()).isEqualTo("put 6");
        assertThat(queue.drainTo(sink, 0)).isZero();
        assertThat(queue.drainTo(sink, 2)).isEqualTo(2);
        assertThat(sink).containsExactly(10, 20, 30, 5, 6);
        assertThat(queue).containsExactly(40);
        assertThatThrownBy(() -> queue.drainTo(queue, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemTheSinkRefusesStaysInTheQueue() {
        Queue<Integer> queue = LocalQueue.lifo(0);
        queue.addAll(List.of(1, 2, 3));
        List<Integer> sink = new ArrayList<>() {
            @Override
            public boolean add(Integer item) {
                if (item == 2) {
                    throw new IllegalArgumentException("no 2");
                }
                return super.add(item);
            }
        };
        assertThatThrownBy(() -> queue.drainTo(sink)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sink).containsExactly(3);
        assertThat(queue).containsExactly(2, 1);
    }

    /**
     * A taker that spins, finds nothing and goes to wait must not miss a put made between its last
     * look and its wait: a hand-off of many items, one at a time, would then hang (a lost wake-up
     * seen once under load). Each round's take has no timeout; the test's deadline catches a hang.
     */
    @Test
    void aPutJustBeforeATakerWaitsIsNeverMissed() throws Exception {
        Queue<Integer> queue = LocalQueue.create(1);
        int items = 100_000;
        CompletableFuture<Long> taken = CompletableFuture.supplyAsync(() -> {
            long sum = 0;
            try {
                for (int i = 0; i < items; i++) {
                    sum += queue.take();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return sum;
        }, r -> Thread.ofPlatform().daemon().start(r));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                for (int i = 0; i < items; i++) {
                    queue.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(taken.get(2, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo((long) items * (items - 1) / 2);
    }
}
