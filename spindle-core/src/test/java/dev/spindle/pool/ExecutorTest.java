package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.SerializationException;
import dev.spindle.function.CheckedCallable;
import dev.spindle.futures.PoolExecutor;
import dev.spindle.futures.ProcessPoolExecutor;
import dev.spindle.futures.ThreadPoolExecutor;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.Gate;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The executors of concurrent.futures, over processes and threads. */
@ExtendWith(NoLeaks.class)
class ExecutorTest {
    @TempDir
    Path dir;

    static Stream<Context> contexts() {
        return PoolContractTest.contexts();
    }

    static int sleepy(int millis) throws InterruptedException {
        Thread.sleep(millis); // the task's own work: it takes this long
        return millis;
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void submitGivesCompletableFuturesAndMapKeepsOrder(Context context) throws Exception {
        try (PoolExecutor executor = context.executor(2)) {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(executor.submit(PoolContractTest::square, i));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(futures.get(i).get()).isEqualTo(i * i);
            }
            assertThat(executor.map(PoolContractTest::square, List.of(3, 1, 2)).toList()).containsExactly(9, 1, 4);
            assertThat(executor.map(PoolContractTest::square, IntStream.range(0, 20).boxed().toList(), null, 6).toList())
                    .isEqualTo(IntStream.range(0, 20).map(x -> x * x).boxed().toList());
            CheckedCallable<String> callable = () -> "called";
            assertThat(executor.submit((Callable<String>) callable).get()).isEqualTo("called");
            List<Future<String>> all = executor.invokeAll(List.of(callable, callable));
            assertThat(all.get(1).get()).isEqualTo("called");
            assertThat(executor.invokeAny(List.of(callable))).isEqualTo("called");
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void mapThrowsTimeoutExceptionWhenTheDeadlinePasses(Context context) throws Exception {
        try (PoolExecutor executor = context.executor(1)) {
            executor.submit(PoolContractTest::square, 1).get(); // the worker is up: the deadline measures the tasks
            Stream<Integer> results = executor.map(ExecutorTest::sleepy, List.of(1, 10_000), Duration.ofMillis(300), 1);
            var it = results.iterator();
            assertThat(it.next()).isEqualTo(1);
            assertThatThrownBy(it::next).isInstanceOf(TimeoutException.class);
            executor.shutdownNow(); // the 10 s task is not waited for by the close
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void shutdownWithCancelFuturesCancelsWhatHasNotStarted(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        PoolExecutor executor = context.executor(1);
        CompletableFuture<Integer> first = executor.submit(FutureContractTest::waitsAtGate, gate);
        Gate.awaitArrival(gate);
        List<CompletableFuture<Integer>> rest = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rest.add(executor.submit(FutureContractTest::waitsAtGate, gate));
        }
        executor.shutdown(false, true);
        // Virtual threads start each task as it comes, and a cluster pool hands each to Redis as it
        // comes: only those not yet started, or not yet handed over, can be cancelled.
        boolean virtual = context.kind() == Context.Kind.VIRTUAL_THREADS || context.kind() == Context.Kind.CLUSTER;
        if (!virtual) {
            assertThat(rest).allSatisfy(f -> assertThat(f).isCancelled());
        }
        assertThat(executor.isTerminated()).as("a task still runs").isFalse();
        assertThat(executor.isTerminated()).as("asking again changes nothing").isFalse();
        Gate.open(gate);
        assertThat(executor.awaitTermination(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(executor.isTerminated()).isTrue();
        assertThat(first).isCompletedWithValue(1);
        if (virtual) {
            assertThat(rest).allSatisfy(f -> assertThat(f.isCancelled() || f.getNow(null) == 1).as(f.toString()).isTrue());
        }
        assertThatThrownBy(() -> executor.submit(PoolContractTest::square, 1)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void isTerminatedWaitsForCallbacksAndOnlyLooks(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        Path callbackGate = dir.resolve("callback");
        PoolExecutor executor = context.executor(1);
        CompletableFuture<Integer> task = executor.submit(FutureContractTest::waitsAtGate, gate);
        CompletableFuture<Void> callback = task.thenAccept(v -> {
            try {
                Gate.pass(callbackGate);
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        executor.shutdown();
        Gate.open(gate);
        Gate.awaitArrival(callbackGate);
        assertThat(executor.isTerminated()).as("its callback still runs").isFalse();
        Gate.open(callbackGate);
        callback.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
        assertThat(executor.awaitTermination(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(executor.isTerminated()).isTrue();
    }

    static void work() {
        // a void method: `() -> work()` is a Runnable-shaped lambda
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void lambdasOfVoidMethodsNeedNoCast(Context context) throws Exception {
        Path mark = dir.resolve("executed");
        try (PoolExecutor executor = context.executor(1)) {
            assertThat(executor.submit(() -> work()).get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isNull();
            assertThat(executor.submit(() -> work(), "done").get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isEqualTo("done");
            executor.execute(() -> FutureContractTest.marksQuietly(mark));
        }
        assertThat(mark).exists();
    }

    @Test
    void aNonSerializableRunnableObjectIsRefusedWithAdvice() {
        Runnable plain = new Runnable() {
            @Override
            public void run() {
                work();
            }
        };
        try (ProcessPoolExecutor executor = new ProcessPoolExecutor(1)) {
            assertThatThrownBy(() -> executor.execute(plain)).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("must be serializable").hasMessageContaining("SerializableRunnable");
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void theBuildersTaskTimeoutAndRetriesApplyToSubmits(Context context) throws Exception {
        var builder = context.poolBuilder(1).taskTimeout(Duration.ofSeconds(1));
        boolean processes = context.kind() == Context.Kind.PROCESSES || context.kind() == Context.Kind.CLUSTER;
        try (PoolExecutor executor = processes ? new ProcessPoolExecutor(builder) : new ThreadPoolExecutor(builder)) {
            CompletableFuture<Integer> stuck = executor.submit(PoolContractTest::loopsUntilInterrupted, 1);
            assertThatThrownBy(() -> stuck.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
            assertThat(executor.submit(PoolContractTest::square, 3).get()).isEqualTo(9);
        }
    }

    @Test
    void processDoneCallbacksRunInTheParentsResultThread() throws Exception {
        List<String> where = new CopyOnWriteArrayList<>();
        try (ProcessPoolExecutor executor = new ProcessPoolExecutor(2)) {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(executor.submit(PoolContractTest::square, i)
                        .whenComplete((v, e) -> where.add(ProcessHandle.current().pid() + " " + Thread.currentThread().getName())));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(where).hasSize(10).allSatisfy(w -> assertThat(w).startsWith(ProcessHandle.current().pid() + " ").endsWith("-results"));
    }

    @Test
    void threadDoneCallbacksRunInTheWorkerThread() throws Exception {
        List<String> where = new CopyOnWriteArrayList<>();
        Path gate = dir.resolve("gate");
        try (ThreadPoolExecutor executor = new ThreadPoolExecutor(2)) {
            // Still running when the callback is added (as in Python, a callback added to a done future runs at once, here).
            CompletableFuture<Integer> running = executor.submit(FutureContractTest::waitsAtGate, gate);
            CompletableFuture<Integer> callback = running.whenComplete((v, e) -> where.add(Thread.currentThread().getName()));
            Gate.open(gate);
            callback.get();
        }
        assertThat(where).singleElement().asString().contains("ThreadPoolWorker-");
    }

    @Test
    void aNonSerializableCallableIsRefusedByAProcessPoolAtSubmit() {
        Object captured = new Object();
        try (ProcessPoolExecutor executor = new ProcessPoolExecutor(1)) {
            Callable<Integer> plain = captured::hashCode;
            assertThatThrownBy(() -> executor.submit(plain)).isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void shutdownNowFailsRunningTasksAndReturnsTheUnstarted() throws Exception {
        ProcessPoolExecutor executor = new ProcessPoolExecutor(1);
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(executor.submit(ExecutorTest::sleepy, 60_000));
        }
        List<Runnable> unstarted = executor.shutdownNow();
        assertThat(unstarted.size()).isBetween(2, 4);
        assertThat(executor.awaitTermination(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
        assertThatThrownBy(() -> futures.get(0).get()).isInstanceOfAny(ExecutionException.class,
                CancellationException.class);
    }
}
