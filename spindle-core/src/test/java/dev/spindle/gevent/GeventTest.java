package dev.spindle.gevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.queue.Queue;
import dev.spindle.sync.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** gevent's spawn, joinall, kill and the Future contract of a task; blocking calls overlap without patching. */
class GeventTest {
    private static final Duration LONG = Duration.ofDays(1);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aSpawnedTaskReportsItsValue() throws Exception {
        Task<Integer> task = Gevent.spawn(() -> 6 * 7);
        task.join();
        assertThat(task.ready()).isTrue();
        assertThat(task.successful()).isTrue();
        assertThat(task.value()).isEqualTo(42);
        assertThat(task.exception()).isNull();
        assertThat(task.get()).isEqualTo(42);
        assertThat(task.resultNow()).isEqualTo(42);
        assertThat(task.state()).isEqualTo(Future.State.SUCCESS);
        assertThat(Gevent.spawn(() -> { }).get()).isNull();
    }

    @Test
    void aFailedTaskReportsItsException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<Integer> task = Gevent.spawn(() -> {
            throw boom;
        });
        task.join();
        assertThat(task.successful()).isFalse();
        assertThat(task.value()).isNull();
        assertThat(task.exception()).isSameAs(boom);
        assertThat(task.exceptionNow()).isSameAs(boom);
        assertThat(task.state()).isEqualTo(Future.State.FAILED);
        assertThatThrownBy(task::get).isInstanceOf(ExecutionException.class).hasCause(boom);
        assertThatThrownBy(task::resultNow).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRunningTaskIsNotReadyAndItsGetTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<String> task = Gevent.spawn(() -> {
            release.await();
            return "released";
        });
        assertThat(task.ready()).isFalse();
        assertThat(task.isDone()).isFalse();
        assertThat(task.state()).isEqualTo(Future.State.RUNNING);
        assertThat(task.value()).isNull();
        assertThat(task.exception()).isNull();
        assertThat(task.join(Duration.ofMillis(10))).isFalse();
        assertThatThrownBy(() -> task.get(10, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThatThrownBy(task::exceptionNow).isInstanceOf(IllegalStateException.class);
        release.countDown();
        assertThat(task.get(30, TimeUnit.SECONDS)).isEqualTo("released");
        assertThat(task.join(WAIT)).isTrue();
    }

    @Test
    void killInterruptsTheTaskWhereItBlocksAndWaitsForItsEnd() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        AtomicBoolean cleanedUp = new AtomicBoolean();
        Task<Void> task = Gevent.spawn(() -> {
            try {
                sleeping.countDown();
                Thread.sleep(LONG);
            } finally {
                cleanedUp.set(true);
            }
        });
        sleeping.await();
        task.kill();
        assertThat(cleanedUp).isTrue();
        assertThat(task.isCancelled()).isTrue();
        assertThat(task.successful()).isFalse();
        assertThat(task.exception()).isInstanceOf(CancellationException.class);
        assertThat(task.cancel(true)).as("a finished task cannot be cancelled").isFalse();
        assertThatThrownBy(task::get).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancelWithoutInterruptLetsTheBodyRunOnButTheTaskIsCancelled() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<String> task = Gevent.spawn(() -> {
            release.await();
            return "ran on";
        });
        assertThat(task.cancel(false)).isTrue();
        assertThat(task.isCancelled()).isTrue();
        assertThat(task.isDone()).isTrue();
        release.countDown();
        assertThat(task.join(WAIT)).isTrue();
        assertThat(task.state()).isEqualTo(Future.State.CANCELLED);
    }

    @Test
    void joinAllWaitsForEveryTaskOrTheTimeoutOrTheFirstFailure() throws Exception {
        List<Task<Integer>> quick = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            quick.add(Gevent.spawn(() -> n));
        }
        assertThat(Gevent.joinAll(quick)).hasSize(100).allMatch(Task::successful);

        CountDownLatch never = new CountDownLatch(1);
        Task<Integer> blocked = Gevent.spawn(() -> {
            never.await();
            return 0;
        });
        Task<Integer> done = Gevent.spawn(() -> 1);
        assertThat(Gevent.joinAll(List.of(blocked, done), Duration.ofMillis(50), false)).containsExactly(done);

        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Task<Integer> failing = Gevent.spawn(() -> {
            throw boom;
        });
        assertThatThrownBy(() -> Gevent.joinAll(List.of(blocked, failing), null, true)).isSameAs(boom);
        blocked.kill();
    }

    @Test
    void blockingCallsInTasksOverlapWithoutPatching() throws Exception {
        int tasks = 1_000;
        CyclicBarrier allBlockedAtOnce = new CyclicBarrier(tasks);
        List<Task<Void>> spawned = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            spawned.add(Gevent.spawn(() -> {
                allBlockedAtOnce.await(30, TimeUnit.SECONDS); // only if every task waits here at once
            }));
        }
        assertThat(Gevent.joinAll(spawned)).hasSize(tasks).allMatch(Task::successful);
    }

    @Test
    void linksRunOnceWhenTheTaskFinishesOrAtOnceAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Task<String> task = Gevent.spawn(() -> {
            release.await();
            return "x";
        });
        CompletableFuture<String> linked = new CompletableFuture<>();
        task.link(t -> linked.complete(t.value()));
        task.link(t -> {
            throw new IllegalStateException("a failing link is logged, not fatal");
        });
        release.countDown();
        assertThat(linked.get(30, TimeUnit.SECONDS)).isEqualTo("x");
        task.join(); // its thread has run every link: a link made now runs at once
        List<Task<String>> late = new ArrayList<>();
        task.link(late::add);
        assertThat(late).containsExactly(task);
    }

    /**
     * A link made while the finished task's earlier links still run waits for them: a group's join
     * (a link) could otherwise return before the group's own link had taken the task out of it.
     */
    @Test
    void aLinkMadeWhileEarlierLinksRunRunsAfterThem() throws Exception {
        CountDownLatch taskMayEnd = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Task<String> task = Gevent.spawn(() -> {
            taskMayEnd.await(); // the first link is made before the task ends
            return "x";
        });
        task.link(t -> {
            try {
                firstMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("first");
        });
        taskMayEnd.countDown();
        while (!task.ready()) {
            Thread.onSpinWait(); // finished: its thread now runs the first link, which waits
        }
        task.link(t -> order.add("second"));
        firstMayEnd.countDown();
        task.join();
        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void eventsQueuesAndAsyncResultsWorkBetweenTasks() throws Exception {
        Event event = Context.virtualThreads().event();
        Queue<Integer> queue = Context.virtualThreads().queue();
        CompletableFuture<String> asyncResult = new CompletableFuture<>();
        List<Task<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            waiters.add(Gevent.spawn(() -> {
                event.await();
                queue.put(n);
                return asyncResult.get().length() + n;
            }));
        }
        event.set();
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            got.add(queue.get());
        }
        assertThat(got).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        asyncResult.complete("abc");
        Gevent.joinAll(waiters);
        assertThat(waiters).extracting(Task::value).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void timeoutInterruptsABlockThatOverrunsAndLeavesNoInterruptBehind() throws Exception {
        assertThatThrownBy(() -> Timeout.within(Duration.ofMillis(20), () -> Thread.sleep(LONG)))
                .isInstanceOf(Timeout.class).hasMessageContaining("timed out after")
                .satisfies(t -> assertThat(t.getSuppressed()).hasOnlyElementsOfType(InterruptedException.class));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(Timeout.within(Duration.ofSeconds(30), () -> "in time")).isEqualTo("in time");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        IllegalStateException own = new IllegalStateException("own");
        assertThatThrownBy(() -> Timeout.within(Duration.ofSeconds(30), () -> {
            throw own;
        })).isSameAs(own);
    }
}
