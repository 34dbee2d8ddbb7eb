package dev.spindle.asyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.sync.Held;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Queue, Lock, Event, Semaphore, Condition and Barrier between the tasks of one loop: CPython's semantics. */
@Timeout(60)
@SuppressWarnings("try") // a held lock is released by the block's end, unnamed
class AsyncioSyncTest {
    @Test
    void aBoundedQueueHandsItemsOverInOrderAndJoinWaitsForEveryTaskDone() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            Queue<Integer> q = new Queue<>(2);
            Task<Void> consumer = Asyncio.createTask(() -> {
                while (true) {
                    int item = q.get();
                    log.add("got " + item);
                    q.taskDone();
                }
            });
            for (int i = 0; i < 5; i++) {
                q.put(i);
                log.add("put " + i);
            }
            q.join();
            log.add("joined");
            consumer.cancel();
            assertThat(q.empty()).isTrue();
            assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(q::getNowait).isInstanceOf(QueueEmpty.class);
            q.putNowait(1);
            q.putNowait(2);
            assertThat(q.full()).isTrue();
            assertThatThrownBy(() -> q.putNowait(3)).isInstanceOf(QueueFull.class);
            assertThat(q.qsize()).isEqualTo(2);
            return null;
        });
        assertThat(log.getLast()).isEqualTo("joined");
        assertThat(log.stream().filter(l -> l.startsWith("got")).toList()).containsExactly("got 0", "got 1", "got 2", "got 3", "got 4");
    }

    @Test
    void aTaskCancelledWhileWaitingInGetLeavesTheQueueWorking() throws Exception {
        Asyncio.run(() -> {
            Queue<String> q = new Queue<>();
            Task<String> waiting = Asyncio.createTask(q::get);
            Task<String> next = Asyncio.createTask(q::get);
            Asyncio.sleep(Duration.ZERO);
            waiting.cancel();
            q.putNowait("x");
            assertThat(next.await()).isEqualTo("x");
            assertThat(waiting.cancelled()).isTrue();
            return null;
        });
    }

    @Test
    void aLockIsFairAndHeldAcrossAwaits() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            Lock lock = new Lock();
            List<Task<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int id = t;
                tasks.add(Asyncio.createTask(() -> {
                    try (Held held = lock.hold()) {
                        log.add("in " + id);
                        Asyncio.sleep(Duration.ofMillis(1));
                        log.add("out " + id);
                    }
                    return null;
                }));
            }
            Asyncio.gather(tasks, false).await();
            assertThat(lock.locked()).isFalse();
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class);
            return null;
        });
        assertThat(log).containsExactly("in 0", "out 0", "in 1", "out 1", "in 2", "out 2");
    }

    @Test
    void anEventWakesEveryWaiter() throws Exception {
        Asyncio.run(() -> {
            Event event = new Event();
            List<Task<Boolean>> waiters = List.of(Asyncio.createTask(event::await), Asyncio.createTask(event::await));
            Asyncio.sleep(Duration.ZERO);
            assertThat(waiters).noneMatch(Future::done);
            event.set();
            assertThat(Asyncio.gather(waiters, false).await()).containsExactly(true, true);
            event.clear();
            assertThat(event.isSet()).isFalse();
            return null;
        });
    }

    @Test
    void aSemaphoreLetsAtMostItsValueInAndABoundedOneRefusesAnExtraRelease() throws Exception {
        Asyncio.run(() -> {
            Semaphore sem = new Semaphore(2);
            int[] inside = {0, 0};
            List<Task<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                tasks.add(Asyncio.createTask(() -> {
                    try (Held held = sem.hold()) {
                        inside[1] = Math.max(inside[1], ++inside[0]);
                        Asyncio.sleep(Duration.ofMillis(1));
                        inside[0]--;
                    }
                    return null;
                }));
            }
            Asyncio.gather(tasks, false).await();
            assertThat(inside[1]).isEqualTo(2);
            Semaphore bounded = Semaphore.bounded(1);
            assertThatThrownBy(bounded::release).isInstanceOf(IllegalStateException.class);
            bounded.acquire();
            assertThat(bounded.locked()).isTrue();
            Task<Void> blocked = Asyncio.createTask(() -> {
                bounded.acquire();
                return null;
            });
            Asyncio.sleep(Duration.ZERO);
            blocked.cancel();
            assertThatThrownBy(blocked::await).isInstanceOf(CancelledError.class);
            bounded.release();
            assertThat(bounded.locked()).as("the cancelled waiter took no permit").isFalse();
            return null;
        });
    }

    @Test
    void aConditionWakesWaitersWithTheLockHeldAgain() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            Condition cond = new Condition();
            int[] value = {0};
            List<Task<Void>> waiters = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int id = t;
                waiters.add(Asyncio.createTask(() -> {
                    try (Held held = cond.hold()) {
                        cond.waitFor(() -> value[0] > 0);
                        log.add("woke " + id + " holding=" + cond.locked());
                    }
                    return null;
                }));
            }
            Asyncio.sleep(Duration.ZERO);
            assertThatThrownBy(() -> cond.signal(1)).isInstanceOf(IllegalStateException.class);
            try (Held held = cond.hold()) {
                value[0] = 1;
                cond.signal(1);
            }
            Asyncio.sleep(Duration.ofMillis(1));
            assertThat(log).containsExactly("woke 0 holding=true");
            try (Held held = cond.hold()) {
                cond.signalAll();
            }
            Asyncio.gather(waiters, false).await();
            return null;
        });
        assertThat(log).containsExactly("woke 0 holding=true", "woke 1 holding=true", "woke 2 holding=true");
    }

    @Test
    void aBarrierReleasesEachRoundTogetherAndAbortBreaksIt() throws Exception {
        Asyncio.run(() -> {
            Barrier barrier = new Barrier(3);
            List<Integer> firstRound = new ArrayList<>();
            List<Integer> secondRound = new ArrayList<>();
            int[] arrived = {0};
            List<Task<Void>> parties = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                parties.add(Asyncio.createTask(() -> {
                    arrived[0]++;
                    firstRound.add(barrier.await());
                    assertThat(arrived[0]).as("nobody passes before the round is full").isGreaterThanOrEqualTo(3);
                    secondRound.add(barrier.await());
                    return null;
                }));
            }
            Asyncio.gather(parties, false).await();
            assertThat(firstRound).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(secondRound).containsExactlyInAnyOrder(0, 1, 2);
            Task<Integer> waiter = Asyncio.createTask(barrier::await);
            Asyncio.sleep(Duration.ZERO);
            assertThat(barrier.nWaiting()).isEqualTo(1);
            barrier.abort();
            assertThatThrownBy(waiter::await).isInstanceOf(BrokenBarrierError.class);
            assertThat(barrier.broken()).isTrue();
            barrier.reset();
            assertThat(barrier.broken()).isFalse();
            return null;
        });
    }

    @Test
    void waitingPrimitivesAreCancellableLikeAnyAwait() throws Exception {
        Asyncio.run(() -> {
            Event never = new Event();
            assertThatThrownBy(() -> Asyncio.waitFor(Asyncio.createTask(never::await), Duration.ofMillis(5)))
                    .isInstanceOf(TimeoutError.class);
            Queue<Integer> q = new Queue<>(1);
            q.put(1);
            assertThatThrownBy(() -> Asyncio.timeout(Duration.ofMillis(5), () -> {
                q.put(2);
                return null;
            })).isInstanceOf(TimeoutError.class);
            assertThat(q.qsize()).isEqualTo(1);
            Asyncio.sleep(Duration.ofMillis(1));
            assertThat(Asyncio.allTasks()).hasSize(1);
            return null;
        });
    }
}
