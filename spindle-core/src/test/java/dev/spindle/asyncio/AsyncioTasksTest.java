package dev.spindle.asyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.futures.ReturnWhen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tasks, futures, gather, wait, waitFor, asCompleted, shield, timeouts and task groups: CPython's semantics and order. */
@Timeout(60)
class AsyncioTasksTest {
    private static final Duration SHORT = Duration.ofMillis(1);
    private static final Duration LONG = Duration.ofHours(1);

    @Test
    void tasksInterleaveExactlyAtTheirAwaitsInCPythonsOrder() throws Exception {
        List<String> log = new ArrayList<>();
        List<Object> results = Asyncio.run(() -> Asyncio.gather(
                () -> {
                    for (int i = 0; i < 3; i++) {
                        log.add("a" + i);
                        Asyncio.sleep(SHORT);
                    }
                    return "A";
                },
                () -> {
                    for (int i = 0; i < 3; i++) {
                        log.add("b" + i);
                        Asyncio.sleep(SHORT);
                    }
                    return "B";
                }).await());
        assertThat(log).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
        assertThat(results).containsExactly("A", "B");
    }

    @Test
    void onlyOneTaskRunsAtATimeAndABlockingCallThatIsNotAnAwaitHoldsUpTheLoop() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                int id = t;
                tasks.add(Asyncio.createTask(() -> {
                    for (int i = 0; i < 5; i++) {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        if (id == 0 && i == 0) {
                            Thread.sleep(50); // not an await: nobody else may run meanwhile
                            log.add("slept");
                        }
                        running.decrementAndGet();
                        Asyncio.sleep(Duration.ZERO);
                    }
                    return null;
                }));
            }
            Asyncio.gather(tasks, false).await();
            return null;
        });
        assertThat(most.get()).isEqualTo(1);
        assertThat(log).containsExactly("slept");
    }

    @Test
    void aTaskCancelledWhileAwaitingSeesCancelledErrorThereAndItsFinallyRuns() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            Task<Void> sleeper = Asyncio.createTask(() -> {
                try {
                    log.add("sleeping");
                    Asyncio.sleep(LONG);
                    log.add("woke");
                } catch (CancelledError e) {
                    log.add("cancelled: " + e.getMessage());
                    throw e;
                } finally {
                    log.add("finally");
                }
                return null;
            });
            Asyncio.sleep(Duration.ZERO);
            assertThat(sleeper.cancel("stop")).isTrue();
            assertThatThrownBy(sleeper::await).isInstanceOf(CancelledError.class);
            assertThat(sleeper.cancelled()).isTrue();
            assertThat(sleeper.cancel()).isFalse();
            return null;
        });
        assertThat(log).containsExactly("sleeping", "cancelled: stop", "finally");
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsAndOneThatCatchesTheCancellationIsNotCancelled() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            Task<String> never = Asyncio.createTask(() -> {
                log.add("ran");
                return "x";
            });
            never.cancel();
            assertThatThrownBy(never::await).isInstanceOf(CancelledError.class);
            Task<String> stubborn = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(LONG);
                    return "slept";
                } catch (CancelledError e) {
                    return "refused";
                }
            });
            Asyncio.sleep(Duration.ZERO);
            stubborn.cancel();
            assertThat(stubborn.await()).isEqualTo("refused");
            assertThat(stubborn.cancelled()).isFalse();
            return null;
        });
        assertThat(log).isEmpty();
    }

    @Test
    void aFailingTaskThrowsItsOwnExceptionToWhoeverAwaitsIt() {
        assertThatThrownBy(() -> Asyncio.run(() -> Asyncio.createTask(() -> {
            throw new java.io.IOException("disk");
        }).await())).isInstanceOf(java.io.IOException.class).hasMessage("disk");
    }

    @Test
    void gatherFailsAtTheFirstFailureOrCollectsFailuresWithReturnExceptions() throws Exception {
        Asyncio.run(() -> {
            IllegalStateException boom = new IllegalStateException("boom");
            Task<String> slow = Asyncio.createTask(() -> {
                Asyncio.sleep(Duration.ofMillis(20));
                return "slow";
            });
            Task<String> bad = Asyncio.createTask(() -> {
                throw boom;
            });
            assertThatThrownBy(() -> Asyncio.gather(slow, bad).await()).isSameAs(boom);
            assertThat(slow.done()).as("the others run on").isFalse();
            assertThat(Asyncio.gather(true, slow, bad).await()).containsExactly("slow", boom);
            assertThat(Asyncio.gather(List.<Future<String>>of(), false).await()).isEmpty();
            return null;
        });
    }

    @Test
    void cancellingAGatherCancelsItsChildren() throws Exception {
        Asyncio.run(() -> {
            Task<Void> child = Asyncio.createTask(() -> {
                Asyncio.sleep(LONG);
                return null;
            });
            Future<List<Object>> all = Asyncio.gather(child);
            Asyncio.sleep(Duration.ZERO);
            assertThat(all.cancel()).isTrue();
            assertThatThrownBy(all::await).isInstanceOf(CancelledError.class);
            assertThat(child.cancelled()).isTrue();
            return null;
        });
    }

    @Test
    void waitReturnsDoneAndPendingForEachReturnWhenAndTimeout() throws Exception {
        Asyncio.run(() -> {
            Task<String> fast = Asyncio.createTask(() -> "fast");
            Task<String> failing = Asyncio.createTask(() -> {
                Asyncio.sleep(SHORT);
                throw new IllegalArgumentException("bad");
            });
            Task<String> slow = Asyncio.createTask(() -> {
                Asyncio.sleep(LONG);
                return "slow";
            });
            List<Task<String>> all = List.of(fast, failing, slow);
            DoneAndPending<Task<String>> first = Asyncio.wait(all, ReturnWhen.FIRST_COMPLETED, null);
            assertThat(first.done()).containsExactly(fast);
            DoneAndPending<Task<String>> failure = Asyncio.wait(all, ReturnWhen.FIRST_EXCEPTION, null);
            assertThat(failure.done()).containsExactly(fast, failing);
            assertThat(failure.pending()).containsExactly(slow);
            DoneAndPending<Task<String>> timedOut = Asyncio.wait(all, ReturnWhen.ALL_COMPLETED, Duration.ofMillis(5));
            assertThat(timedOut.pending()).containsExactly(slow);
            assertThat(slow.cancelled()).as("wait cancels nothing").isFalse();
            assertThatThrownBy(() -> Asyncio.wait(List.<Task<String>>of(), ReturnWhen.ALL_COMPLETED, null))
                    .isInstanceOf(IllegalArgumentException.class);
            slow.cancel();
            return null;
        });
    }

    @Test
    void waitForTimingOutCancelsTheAwaitedTaskAndWaitsForItToEnd() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            Task<String> slow = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(LONG);
                    return "never";
                } finally {
                    log.add("cleaned up");
                }
            });
            assertThatThrownBy(() -> Asyncio.waitFor(slow, Duration.ofMillis(5)))
                    .isInstanceOf(TimeoutError.class).hasCauseInstanceOf(CancelledError.class);
            assertThat(slow.cancelled()).isTrue();
            assertThat(log).containsExactly("cleaned up");
            assertThat(Asyncio.waitFor(() -> "quick", Duration.ofSeconds(30))).isEqualTo("quick");
            return null;
        });
    }

    @Test
    void asCompletedGivesOutcomesInTheOrderTheyFinish() throws Exception {
        Asyncio.run(() -> {
            List<Task<Integer>> tasks = new ArrayList<>();
            for (int delay : new int[] {30, 10, 20}) {
                tasks.add(Asyncio.createTask(() -> {
                    Asyncio.sleep(Duration.ofMillis(delay));
                    return delay;
                }));
            }
            List<Integer> order = new ArrayList<>();
            for (Future<Integer> next : Asyncio.asCompleted(tasks, null)) {
                order.add(next.await());
            }
            assertThat(order).containsExactly(10, 20, 30);
            Task<Integer> stuck = Asyncio.createTask(() -> {
                Asyncio.sleep(LONG);
                return 0;
            });
            assertThatThrownBy(() -> Asyncio.asCompleted(List.of(stuck), Duration.ofMillis(5)).getFirst().await())
                    .isInstanceOf(TimeoutError.class);
            stuck.cancel();
            return null;
        });
    }

    @Test
    void shieldKeepsTheInnerTaskRunningWhenTheOuterIsCancelled() throws Exception {
        Asyncio.run(() -> {
            Task<String> inner = Asyncio.createTask(() -> {
                Asyncio.sleep(SHORT);
                return "inner";
            });
            Future<String> outer = Asyncio.shield(inner);
            outer.cancel();
            assertThatThrownBy(outer::await).isInstanceOf(CancelledError.class);
            assertThat(inner.await()).isEqualTo("inner");
            return null;
        });
    }

    @Test
    void timeoutTurnsTheCancellationIntoTimeoutErrorAndLeavesAFastBodyAlone() throws Exception {
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Asyncio.timeout(Duration.ofMillis(5), () -> {
                Asyncio.sleep(LONG);
                return null;
            })).isInstanceOf(TimeoutError.class);
            assertThat(Asyncio.currentTask().cancelling()).isZero();
            assertThat(Asyncio.timeout(Duration.ofSeconds(30), () -> "in time")).isEqualTo("in time");
            double deadline = Asyncio.getRunningLoop().time() + 0.005;
            assertThatThrownBy(() -> Asyncio.timeoutAt(deadline, () -> {
                Asyncio.sleep(LONG);
                return null;
            })).isInstanceOf(TimeoutError.class);
            Asyncio.sleep(Duration.ofMillis(10)); // no cancellation left over
            return null;
        });
    }

    @Test
    void aTaskGroupChildFailingWhileOthersSleepCancelsThemAndReportsEveryFailure() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            assertThatThrownBy(() -> TaskGroup.run(tg -> {
                for (int i = 0; i < 3; i++) {
                    int id = i;
                    tg.createTask(() -> {
                        try {
                            Asyncio.sleep(LONG);
                        } finally {
                            log.add("sleeper " + id + " cancelled");
                        }
                        return null;
                    });
                }
                tg.createTask(() -> {
                    Asyncio.sleep(SHORT);
                    throw new IllegalStateException("first");
                });
                tg.createTask(() -> {
                    Asyncio.sleep(SHORT);
                    throw new IllegalArgumentException("second");
                });
                Asyncio.sleep(LONG); // the block itself is cancelled too
                log.add("block went on");
                return null;
            })).isInstanceOfSatisfying(ExceptionGroup.class, group -> assertThat(group.exceptions())
                    .extracting(Throwable::getMessage).containsExactly("first", "second"));
            assertThat(Asyncio.currentTask().cancelling()).isZero();
            int sum = TaskGroup.run(tg -> tg.createTask(() -> 7).await() + tg.createTask(() -> 8).await());
            assertThat(sum).isEqualTo(15);
            return null;
        });
        assertThat(log).containsExactlyInAnyOrder("sleeper 0 cancelled", "sleeper 1 cancelled", "sleeper 2 cancelled");
    }

    @Test
    void doneCallbacksRunInTheLoopInOrderAndAFailingOneDoesNotStopIt() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            f.addDoneCallback(done -> log.add("first " + done.resultNow()));
            f.addDoneCallback(done -> {
                throw new IllegalStateException("a failing callback is only reported");
            });
            f.addDoneCallback(done -> log.add("third"));
            f.setResult("x");
            assertThatThrownBy(() -> f.setResult("y")).isInstanceOf(InvalidStateError.class);
            assertThat(log).as("callbacks run soon, not at once").isEmpty();
            Asyncio.sleep(Duration.ZERO);
            return null;
        });
        assertThat(log).containsExactly("first x", "third");
    }

    @Test
    void awaitingOutsideALoopOrNestingRunIsAClearError() throws Exception {
        assertThatThrownBy(() -> Asyncio.sleep(SHORT)).isInstanceOf(IllegalStateException.class).hasMessageContaining("no running event loop");
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Asyncio.run(() -> null)).isInstanceOf(IllegalStateException.class);
            return null;
        });
    }

    @Test
    void runCancelsTheTasksMainLeftBehind() throws Exception {
        List<String> log = new ArrayList<>();
        Asyncio.run(() -> {
            Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(LONG);
                } finally {
                    log.add("left-behind task cancelled");
                }
                return null;
            });
            Asyncio.sleep(Duration.ZERO);
            return null;
        });
        assertThat(log).containsExactly("left-behind task cancelled");
    }

    @Test
    void aHundredThousandLiveTasksFitInMemory() throws Exception {
        int n = 100_000;
        long total = Asyncio.run(() -> {
            List<Task<Integer>> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tasks.add(Asyncio.createTask(() -> {
                    Asyncio.sleep(Duration.ofMillis(50));
                    return 1;
                }));
            }
            Asyncio.sleep(Duration.ofMillis(10));
            assertThat(Asyncio.allTasks()).hasSize(n + 1);
            long sum = 0;
            for (int one : Asyncio.gather(tasks, false).await()) {
                sum += one;
            }
            return sum;
        });
        assertThat(total).isEqualTo(n);
    }
}
