package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.futures.PoolExecutor;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.Gate;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pool task's future keeps the whole {@link CompletableFuture} contract, over processes and
 * threads: completing it from outside (complete, completeExceptionally, orTimeout,
 * completeOnTimeout, completeAsync, obtrude*, cancel) settles the task — a queued task never runs,
 * a running one is stopped, and the single worker of each pool here is free again afterwards.
 */
@ExtendWith(NoLeaks.class)
class FutureContractTest {
    @TempDir
    Path dir;

    static Stream<Context> contexts() {
        return Stream.of(Context.processes(), Context.threads());
    }

    /** Waits at the gate until opened, then returns {@code 1}; a stopped task never returns. */
    static int waitsAtGate(Path gate) throws InterruptedException {
        Gate.pass(gate);
        return 1;
    }

    /** Leaves a mark that it ran. */
    static int marks(Path mark) throws Exception {
        Files.writeString(mark, "ran");
        return 2;
    }

    /** Leaves a mark that it ran, for a Runnable. */
    static void marksQuietly(Path mark) {
        try {
            marks(mark);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
    }

    /** A task of {@code executor} that is running now, waiting at {@code gate}. */
    private static CompletableFuture<Integer> stuckAt(PoolExecutor executor, Path gate) throws InterruptedException {
        CompletableFuture<Integer> stuck = executor.submit(FutureContractTest::waitsAtGate, gate);
        Gate.awaitArrival(gate);
        return stuck;
    }

    /** The one worker is free: a new task runs and returns. */
    private static void workerIsFree(PoolExecutor executor) throws Exception {
        assertThat(get(executor.submit(PoolContractTest::square, 9))).isEqualTo(81);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void orTimeoutFailsTheFutureAndStopsTheRunningTask(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (PoolExecutor executor = context.executor(1)) {
            CompletableFuture<Integer> stuck = stuckAt(executor, gate);
            CompletableFuture<Integer> same = stuck.orTimeout(100, TimeUnit.MILLISECONDS);
            assertThat(same).isSameAs(stuck);
            assertThatThrownBy(() -> get(stuck)).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
            workerIsFree(executor);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void completeOnTimeoutGivesTheValueAndStopsTheRunningTask(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (PoolExecutor executor = context.executor(1)) {
            CompletableFuture<Integer> stuck = stuckAt(executor, gate);
            assertThat(get(stuck.completeOnTimeout(42, 100, TimeUnit.MILLISECONDS))).isEqualTo(42);
            assertThat(stuck.isCompletedExceptionally()).isFalse();
            assertThat(stuck.state()).isEqualTo(Future.State.SUCCESS);
            workerIsFree(executor);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void completeDropsAQueuedTaskSoItNeverRuns(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        Path mark = dir.resolve("mark");
        try (PoolExecutor executor = context.executor(1)) {
            CompletableFuture<Integer> first = stuckAt(executor, gate);
            CompletableFuture<Integer> queued = executor.submit(FutureContractTest::marks, mark);
            assertThat(queued.complete(7)).isTrue();
            assertThat(queued.complete(8)).as("a second completion").isFalse();
            assertThat(queued.getNow(0)).isEqualTo(7);
            assertThat(queued.join()).isEqualTo(7);
            assertThat(queued.resultNow()).isEqualTo(7);
            Gate.open(gate);
            assertThat(get(first)).isEqualTo(1);
            workerIsFree(executor);
        }
        assertThat(mark).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void completeExceptionallyFailsTheFutureWithThatExceptionAndStopsTheTask(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (PoolExecutor executor = context.executor(1)) {
            CompletableFuture<Integer> stuck = stuckAt(executor, gate);
            IllegalStateException reason = new IllegalStateException("given up");
            assertThat(stuck.completeExceptionally(reason)).isTrue();
            assertThat(stuck.isCompletedExceptionally()).isTrue();
            assertThat(stuck.exceptionNow()).isSameAs(reason);
            assertThatThrownBy(stuck::join).isInstanceOf(CompletionException.class).hasCause(reason);
            assertThatThrownBy(() -> stuck.completeExceptionally(null)).isInstanceOf(NullPointerException.class);
            workerIsFree(executor);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void aFinishedTaskCannotBeCompletedAgainButObtrudeOverrides(Context context) throws Exception {
        try (PoolExecutor executor = context.executor(1)) {
            CompletableFuture<Integer> done = executor.submit(PoolContractTest::square, 4);
            assertThat(get(done)).isEqualTo(16);
            assertThat(done.complete(5)).isFalse();
            assertThat(done.completeExceptionally(new IllegalStateException())).isFalse();
            assertThat(done.cancel(true)).isFalse();
            assertThat(done.isCancelled()).isFalse();
            done.obtrudeValue(99);
            assertThat(done.join()).isEqualTo(99);
            done.obtrudeException(new ArithmeticException("obtruded"));
            assertThatThrownBy(done::join).hasCauseInstanceOf(ArithmeticException.class);
            workerIsFree(executor);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void completeAsyncSettlesTheTask(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (PoolExecutor executor = context.executor(1)) {
            CompletableFuture<Integer> stuck = stuckAt(executor, gate);
            assertThat(get(stuck.completeAsync(() -> 5))).isEqualTo(5);
            workerIsFree(executor);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void cancelTrueStopsTheRunningTaskAndDependentsSeeTheCancellation(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (PoolExecutor executor = context.executor(1)) {
            CompletableFuture<Integer> stuck = executor.submit(FutureContractTest::waitsAtGate, gate);
            CompletableFuture<Integer> dependent = stuck.thenApply(x -> x + 1);
            assertThat(stuck.getNumberOfDependents()).isEqualTo(1);
            Gate.awaitArrival(gate);
            assertThat(stuck.cancel(true)).isTrue();
            assertThat(stuck.isCancelled()).isTrue();
            assertThat(stuck.state()).isEqualTo(Future.State.CANCELLED);
            assertThatThrownBy(stuck::get).isInstanceOf(CancellationException.class);
            assertThatThrownBy(dependent::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(CancellationException.class);
            workerIsFree(executor);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void theFuturePrintsWithoutInternalClassNames(Context context) throws Exception {
        try (PoolExecutor executor = context.executor(1)) {
            CompletableFuture<Integer> done = executor.submit(PoolContractTest::square, 2);
            get(done);
            assertThat(done.toString()).doesNotContain("dev.spindle.internal").contains("Completed normally");
            assertThat(done.thenApply(x -> x).toString()).doesNotContain("dev.spindle.internal");
        }
    }
}
