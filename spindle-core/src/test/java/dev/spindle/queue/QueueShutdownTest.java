package dev.spindle.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.Deadlines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python 3.13's {@code Queue.shutdown(immediate)} for every queue kind (CPython's
 * {@code test_shutdown_*} of {@code Lib/test/test_queue.py}; a process queue's across processes
 * are in {@code internal.queue.ProcessQueueShutdownTest}), and the queue kinds of Python's
 * {@code queue} module a thread context makes (LIFO, bounded priority).
 */
class QueueShutdownTest {
    /** A queue kind of a thread context, made with a maxsize. */
    record Kind(String name, IntFunction<Queue<Integer>> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("Queue", maxsize -> Context.threads().queue(maxsize)),
                new Kind("JoinableQueue", maxsize -> Context.threads().joinableQueue(maxsize)),
                new Kind("LifoQueue", maxsize -> Context.threads().lifoQueue(maxsize)),
                new Kind("PriorityQueue", maxsize -> Context.threads().priorityQueue(maxsize)),
                new Kind("virtual threads Queue", maxsize -> Context.virtualThreads().queue(maxsize)));
    }

    /** The kinds above, a process context's and a cluster's, whose waiters do not wait in a thread state a test can see. */
    static Stream<Kind> kindsOfEveryContext() {
        return Stream.concat(kinds(), Stream.of(
                new Kind("process Queue", maxsize -> Context.processes().queue(maxsize)),
                new Kind("process JoinableQueue", maxsize -> Context.processes().joinableQueue(maxsize)),
                new Kind("cluster Queue", maxsize -> ClusterFixture.context().queue(maxsize)),
                new Kind("cluster JoinableQueue", maxsize -> ClusterFixture.context().joinableQueue(maxsize))));
    }

    /** The threads {@link #inThread} started, the last one last. */
    private static final List<Thread> THREADS = new ArrayList<>();

    private static CompletableFuture<Object> inThread(Callable body) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        THREADS.add(thread);
        return result;
    }

    interface Callable {
        Object call() throws Exception;
    }

    /** Waits until the last thread started is parked in its wait (past any spin). */
    private static void awaitParked() throws InterruptedException {
        Thread thread = THREADS.getLast();
        Deadlines.await(thread + " waits", Deadlines.PROMPT,
                () -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
    }

    private static Throwable failureOf(CompletableFuture<Object> outcome) throws Exception {
        try {
            Object value = outcome.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** CPython's {@code test_shutdown_empty} and {@code test_shutdown_nonempty}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kindsOfEveryContext")
    void afterShutdownPutsAreRefusedAndGetsDrainThenAreRefused(Kind kind) throws Exception {
        Queue<Integer> queue = kind.make().apply(0);
        queue.put(1);
        queue.put(2);
        assertThat(queue.isShutdown()).isFalse();
        queue.shutdown();
        assertThat(queue.isShutdown()).isTrue();
        assertThatThrownBy(() -> queue.put(3)).isInstanceOf(ShutDown.class).hasMessageContaining("shut down");
        assertThatThrownBy(() -> queue.offer(3)).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> queue.putNowait(3)).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> queue.offer(3, 1, TimeUnit.SECONDS)).isInstanceOf(ShutDown.class);
        assertThat(List.of(queue.get(), queue.getNowait())).containsExactlyInAnyOrder(1, 2);
        assertThatThrownBy(queue::get).isInstanceOf(ShutDown.class).hasMessageContaining("empty");
        assertThatThrownBy(queue::getNowait).isInstanceOf(ShutDown.class);
        assertThatThrownBy(queue::poll).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> queue.get(Duration.ofSeconds(1))).isInstanceOf(ShutDown.class);
        assertThat(queue.peek()).isNull();
        queue.shutdown(); // idempotent
    }

    /** CPython's {@code test_shutdown_immediate}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kindsOfEveryContext")
    void anImmediateShutdownDropsTheItemsAndGetsFailAtOnce(Kind kind) throws Exception {
        Queue<Integer> queue = kind.make().apply(0);
        queue.put(1);
        queue.put(2);
        queue.shutdown(true);
        assertThat(queue.qsize()).isZero();
        assertThatThrownBy(queue::take).isInstanceOf(ShutDown.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aGetBlockedOnAnEmptyQueueWakesWithShutDown(Kind kind) throws Exception {
        Queue<Integer> queue = kind.make().apply(0);
        CompletableFuture<Object> get = inThread(queue::take);
        awaitParked();
        queue.shutdown();
        assertThat(failureOf(get)).isInstanceOf(ShutDown.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aPutBlockedOnAFullQueueWakesWithShutDown(Kind kind) throws Exception {
        Queue<Integer> queue = kind.make().apply(1);
        queue.put(1);
        CompletableFuture<Object> put = inThread(() -> queue.offer(2, 1, TimeUnit.HOURS));
        awaitParked();
        queue.shutdown();
        assertThat(failureOf(put)).isInstanceOf(ShutDown.class);
        assertThat(queue.get()).as("what was in the queue still comes out").isEqualTo(1);
    }

    @Test
    void anImmediateShutdownCountsTheDroppedItemsAsDoneSoJoinReturns() throws Exception {
        JoinableQueue<Integer> queue = Context.threads().joinableQueue();
        queue.put(1);
        queue.put(2);
        queue.put(3);
        queue.get();
        CompletableFuture<Object> join = inThread(() -> {
            queue.join();
            return "joined";
        });
        awaitParked();
        queue.shutdown(true);
        assertThat(join.isDone()).as("the item taken is not done yet").isFalse();
        queue.taskDone();
        assertThat(join.get(Deadlines.PROMPT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("joined");
        assertThatThrownBy(queue::taskDone).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProcessContextRefusesThreadOnlyKinds() {
        Context processes = Context.processes();
        assertThatThrownBy(() -> processes.lifoQueue(0)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Context.threads()");
        assertThatThrownBy(() -> processes.priorityQueue(0)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("PriorityQueue");
    }

    @Test
    void aLifoQueueHandsOutTheNewestFirstAndIsJoinable() throws Exception {
        JoinableQueue<String> stack = Context.threads().lifoQueue(0);
        stack.put("a");
        stack.put("b");
        stack.put("c");
        assertThat(List.of(stack.get(), stack.get(), stack.get())).containsExactly("c", "b", "a");
        stack.taskDone();
        stack.taskDone();
        stack.taskDone();
        assertThat(stack.join(Duration.ZERO)).isTrue();
        assertThat(stack.toString()).startsWith("JoinableLifoQueue");
    }

    @Test
    void aBoundedPriorityQueueHandsOutTheSmallestFirstAndIsFullAtItsMaxsize() throws Exception {
        record Job(int priority, String name) { }
        JoinableQueue<Job> jobs = Context.threads().priorityQueue(2, Comparator.comparingInt(Job::priority));
        jobs.put(new Job(5, "later"));
        jobs.put(new Job(1, "first"));
        assertThat(jobs.full()).isTrue();
        assertThatThrownBy(() -> jobs.putNowait(new Job(0, "no room"))).isInstanceOf(Full.class)
                .hasMessageContaining("maxsize 2");
        assertThatThrownBy(() -> jobs.put(new Job(0, "no room"), Duration.ofMillis(10))).isInstanceOf(Full.class);
        assertThat(jobs.offer(new Job(0, "no room"))).isFalse();
        assertThat(jobs.get().name()).isEqualTo("first");
        assertThat(jobs.get().name()).isEqualTo("later");
        assertThatThrownBy(() -> Context.threads().priorityQueue(0, null)).isInstanceOf(NullPointerException.class);
    }
}
