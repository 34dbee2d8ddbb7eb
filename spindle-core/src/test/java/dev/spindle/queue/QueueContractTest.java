package dev.spindle.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link java.util.concurrent.BlockingQueue} contract and Python's queue semantics, written
 * once and run over every context: the in-process queues, the shared-memory ones and a cluster's.
 */
@ExtendWith(NoLeaks.class)
class QueueContractTest {
    static Stream<Context> contexts() {
        return Stream.of(Context.processes(), Context.threads(), Context.virtualThreads(), ClusterFixture.context());
    }

    @AfterAll
    static void dropSharedQueues() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    private static CompletableFuture<Object> inThread(Context ctx, Callable body) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        (ctx.kind() == Context.Kind.VIRTUAL_THREADS ? Thread.ofVirtual() : Thread.ofPlatform()).start(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    interface Callable {
        Object call() throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void itemsComeOutInTheOrderTheyWentIn(Context ctx) throws Exception {
        Queue<Integer> queue = ctx.queue();
        for (int i = 0; i < 1000; i++) {
            queue.put(i);
        }
        assertThat(queue.qsize()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(queue.get()).isEqualTo(i);
        }
        assertThat(queue.empty()).isTrue();
        assertThat(queue.maxsize()).isZero();
        assertThat(queue.full()).isFalse();
        assertThat(queue.remainingCapacity()).isEqualTo(Integer.MAX_VALUE);
        assertThat(queue).as("a plain queue has no taskDone").isNotInstanceOf(JoinableQueue.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aBoundedQueueIsFullAtItsMaxsizeAsPythonsQueue3(Context ctx) throws Exception {
        Queue<String> queue = ctx.queue(3);
        queue.put("a");
        queue.put("b");
        assertThat(queue.remainingCapacity()).isEqualTo(1);
        queue.put("c");
        assertThat(queue.full()).isTrue();
        assertThat(queue.qsize()).isEqualTo(3);
        assertThat(queue.offer("d")).isFalse();
        assertThatThrownBy(() -> queue.putNowait("d")).isInstanceOf(Full.class);
        assertThatThrownBy(() -> queue.put("d", Duration.ofMillis(20))).isInstanceOf(Full.class);
        assertThat(queue.offer("d", 10, TimeUnit.MILLISECONDS)).isFalse();
        assertThatThrownBy(() -> queue.add("d")).isInstanceOf(IllegalStateException.class);
        assertThat(queue.remainingCapacity()).isZero();
        assertThat(List.of(queue.get(), queue.getNowait(), queue.get(Duration.ofSeconds(1)))).containsExactly("a", "b", "c");
        assertThat(queue.empty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void anEmptyQueueSaysSoEachWay(Context ctx) throws Exception {
        Queue<String> queue = ctx.queue();
        assertThat(queue.poll()).isNull();
        assertThat(queue.peek()).isNull();
        assertThat(queue.poll(10, TimeUnit.MILLISECONDS)).isNull();
        assertThatThrownBy(queue::getNowait).isInstanceOf(Empty.class);
        assertThatThrownBy(() -> queue.get(Duration.ofMillis(20))).isInstanceOf(Empty.class);
        assertThatThrownBy(queue::remove).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(queue::element).isInstanceOf(NoSuchElementException.class);
        queue.put("x");
        assertThat(queue.peek()).isEqualTo("x");
        assertThat(queue.element()).isEqualTo("x");
        assertThat(queue.qsize()).as("peek leaves the item").isEqualTo(1);
        assertThat(queue.remove()).isEqualTo("x");
    }

    /** How long a timed wait below waits for what never comes. */
    private static final Duration TIMED_WAIT = Duration.ofMillis(200);

    /** Runs {@code wait}, which must throw {@code failure}, and returns the nanos it took. */
    private static long nanosUntilItThrows(Class<? extends Throwable> failure, Callable wait) {
        long start = System.nanoTime();
        assertThatThrownBy(wait::call).isInstanceOf(failure);
        return System.nanoTime() - start;
    }

    /**
     * CPython's {@code _TestQueue.test_timeout}: a {@code get} with a timeout on an empty queue
     * waits the whole timeout before {@code Empty} (CPython tolerates 100 ms less; this asserts
     * the whole timeout, and no upper bound, which would test the machine's load). The same for a
     * timed {@code poll}, and for a timed {@code put} and {@code offer} on a full queue.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aTimedGetOrPutWaitsAtLeastItsTimeoutBeforeGivingUp(Context ctx) throws Exception {
        long timeout = TIMED_WAIT.toNanos();
        Queue<String> queue = ctx.joinableQueue(1);
        assertThat(nanosUntilItThrows(Empty.class, () -> queue.get(TIMED_WAIT))).isGreaterThanOrEqualTo(timeout);
        long start = System.nanoTime();
        assertThat(queue.poll(timeout, TimeUnit.NANOSECONDS)).isNull();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(timeout);
        queue.put("fills it");
        assertThat(nanosUntilItThrows(Full.class, () -> {
            queue.put("no room", TIMED_WAIT);
            return null;
        })).isGreaterThanOrEqualTo(timeout);
        start = System.nanoTime();
        assertThat(queue.offer("no room", timeout, TimeUnit.NANOSECONDS)).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(timeout);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void nullsAreRefusedAsEveryBlockingQueueRefusesThem(Context ctx) {
        Queue<String> queue = ctx.queue();
        assertThatThrownBy(() -> queue.put(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue.offer(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue.offer(null, 1, TimeUnit.SECONDS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue.add(null)).isInstanceOf(NullPointerException.class);
        assertThat(queue.empty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void drainToMovesWhatIsThereAndAddAllAndClearWork(Context ctx) throws Exception {
        Queue<Integer> queue = ctx.queue();
        assertThat(queue.addAll(List.of(1, 2, 3, 4, 5))).isTrue();
        List<Integer> sink = new ArrayList<>();
        assertThat(queue.drainTo(sink, 2)).isEqualTo(2);
        assertThat(queue.drainTo(sink)).isEqualTo(3);
        assertThat(sink).containsExactly(1, 2, 3, 4, 5);
        assertThatThrownBy(() -> queue.drainTo(queue)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.drainTo(null)).isInstanceOf(NullPointerException.class);
        queue.addAll(List.of(6, 7));
        queue.clear();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.size()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aBlockedTakeIsWokenByAPutAndABlockedPutByATake(Context ctx) throws Exception {
        Queue<String> queue = ctx.queue(1);
        CompletableFuture<Object> taker = inThread(ctx, queue::take);
        Deadlines.await("the taker waits", Deadlines.PROMPT, () -> !taker.isDone());
        queue.put("first");
        assertThat(taker.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("first");
        queue.put("second");
        CompletableFuture<Object> putter = inThread(ctx, () -> {
            queue.put("third");
            return "put";
        });
        assertThat(queue.take()).isEqualTo("second");
        assertThat(putter.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("put");
        assertThat(queue.take()).isEqualTo("third");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void waitsEndWithInterruptedExceptionWhenInterrupted(Context ctx) throws Exception {
        Queue<String> queue = ctx.queue(1);
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
        queue.put("full");
        for (Callable wait : List.<Callable>of(() -> { queue.put("more"); return null; }, () -> ctx.queue().take())) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            threads.add((ctx.kind() == Context.Kind.VIRTUAL_THREADS ? Thread.ofVirtual() : Thread.ofPlatform()).start(() -> {
                started.countDown();
                try {
                    wait.call();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            }));
        }
        started.await();
        for (Thread thread : threads) {
            thread.interrupt(); // before its wait or in it: either way the wait ends
        }
        for (CompletableFuture<Throwable> outcome : outcomes) {
            assertThat(outcome.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(InterruptedException.class);
        }
        assertThat(queue.qsize()).as("the interrupted put put nothing").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aClosedQueueRefusesThisProcesssCalls(Context ctx) throws Exception {
        Queue<String> queue = ctx.queue();
        queue.put("kept");
        queue.close();
        queue.close();
        assertThatThrownBy(() -> queue.put("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(queue::get).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(queue::poll).isInstanceOf(IllegalStateException.class);
        assertThat(queue.qsize()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void manyProducersAndConsumersMoveEveryItemExactlyOnce(Context ctx) throws Exception {
        Queue<Integer> queue = ctx.queue(64);
        int producers = 4;
        int each = 5_000;
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Object>> work = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            work.add(inThread(ctx, () -> {
                for (int i = 0; i < each; i++) {
                    queue.put(base + i);
                }
                return null;
            }));
        }
        for (int c = 0; c < 4; c++) {
            work.add(inThread(ctx, () -> {
                while (true) {
                    int item = queue.take();
                    if (item < 0) {
                        return null;
                    }
                    assertThat(seen.add(item)).as("item %d delivered once", item).isTrue();
                }
            }));
        }
        for (int p = 0; p < producers; p++) {
            work.get(p).get(Deadlines.CHILD.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (int c = 0; c < 4; c++) {
            queue.put(-1);
        }
        for (CompletableFuture<Object> w : work) {
            w.get(Deadlines.CHILD.toMillis(), TimeUnit.MILLISECONDS);
        }
        assertThat(seen).hasSize(producers * each);
        assertThat(queue.empty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aJoinableQueueCountsTasksUntilEachIsDone(Context ctx) throws Exception {
        JoinableQueue<String> queue = ctx.joinableQueue();
        assertThat(queue.join(Duration.ZERO)).as("nothing put, nothing to wait for").isTrue();
        queue.put("a");
        queue.put("b");
        assertThat(queue.join(Duration.ofMillis(20))).isFalse();
        CompletableFuture<Object> joiner = inThread(ctx, () -> {
            queue.join();
            return "joined";
        });
        queue.get();
        queue.taskDone();
        assertThat(joiner).isNotDone();
        queue.get();
        queue.taskDone();
        assertThat(joiner.get(Deadlines.PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("joined");
        assertThatThrownBy(queue::taskDone).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more times");
        queue.put("c");
        assertThat(queue.join(Duration.ZERO)).isFalse();
    }

    /** Also CPython's {@code _TestSimpleQueue.test_close}: closing a simple queue twice does not fail. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aSimpleQueuePutsGetsAndSaysWhetherItIsEmpty(Context ctx) throws Exception {
        SimpleQueue<String> queue = ctx.simpleQueue();
        assertThat(queue.empty()).isTrue();
        queue.put("a");
        queue.put("b");
        assertThat(queue.empty()).isFalse();
        assertThat(List.of(queue.get(), queue.get())).containsExactly("a", "b");
        assertThat(queue.empty()).isTrue();
        assertThatThrownBy(() -> queue.put(null)).isInstanceOf(NullPointerException.class);
        queue.put("kept");
        queue.close();
        queue.close();
        assertThatThrownBy(() -> queue.put("c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(queue::get).as("nor taken by this process").isInstanceOf(IllegalStateException.class);
        assertThat(queue.empty()).as("the item stays for other holders").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void negativeSizesAreRefused(Context ctx) {
        assertThatThrownBy(() -> ctx.queue(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ctx.joinableQueue(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ctx.queue(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void walkingTheItemsWorksInProcessAndSaysWhyNotAcrossProcesses(Context ctx) throws Exception {
        Queue<Integer> queue = ctx.queue();
        queue.addAll(List.of(1, 2));
        if (ctx.kind() == Context.Kind.PROCESSES || ctx.kind() == Context.Kind.CLUSTER) {
            assertThatThrownBy(queue::iterator).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("drainTo");
            assertThatThrownBy(() -> queue.contains(1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(queue::toArray).isInstanceOf(UnsupportedOperationException.class);
            assertThat(queue.toString()).contains("2 items");
        } else {
            assertThat(new HashSet<>(queue)).containsExactlyInAnyOrder(1, 2);
            assertThat(queue.contains(2)).isTrue();
            assertThat(queue.remove((Object) 1)).isTrue();
            assertThat(queue.toArray()).containsExactly(2);
        }
    }
}
