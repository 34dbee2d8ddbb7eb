package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.futures.DoneAndNotDone;
import dev.spindle.futures.Futures;
import dev.spindle.futures.PoolExecutor;
import dev.spindle.futures.ReturnWhen;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.Gate;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Python's concurrent.futures.wait and as_completed, over Spindle's futures and the JDK's, mixed. */
@ExtendWith(NoLeaks.class)
class FuturesTest {
    @TempDir
    Path dir;

    static Stream<Context> contexts() {
        return PoolContractTest.contexts();
    }

    @Test
    void waitReturnsWhenItsConditionHoldsWithTheDoneAndTheNotDone() throws Exception {
        CompletableFuture<Integer> a = new CompletableFuture<>();
        CompletableFuture<Integer> b = new CompletableFuture<>();
        FutureTask<Integer> c = new FutureTask<>(() -> 3);
        List<Future<Integer>> all = List.of(a, b, c);

        DoneAndNotDone<Future<Integer>> none = Futures.wait(all, Duration.ofMillis(50), ReturnWhen.FIRST_COMPLETED);
        assertThat(none.done()).isEmpty();
        assertThat(none.notDone()).containsExactlyInAnyOrder(a, b, c);

        c.run(); // a plain Future, watched by a thread of its own
        DoneAndNotDone<Future<Integer>> first = Futures.wait(all, Deadlines.CHILD, ReturnWhen.FIRST_COMPLETED);
        assertThat(first.done()).containsExactly(c);
        assertThat(first.notDone()).containsExactlyInAnyOrder(a, b);

        a.complete(1); // no failure yet: FIRST_EXCEPTION waits for all, until the timeout
        assertThat(Futures.wait(all, Duration.ofMillis(50), ReturnWhen.FIRST_EXCEPTION).notDone()).containsExactly(b);
        Thread failer = Thread.ofVirtual().start(() -> b.completeExceptionally(new IllegalStateException("b broke")));
        DoneAndNotDone<Future<Integer>> failed = Futures.wait(all, Deadlines.CHILD, ReturnWhen.FIRST_EXCEPTION);
        failer.join();
        assertThat(failed.done()).containsExactlyInAnyOrder(a, b, c);
        assertThat(Futures.wait(all).notDone()).isEmpty();
        assertThat(Futures.wait(List.<Future<?>>of(), null, ReturnWhen.FIRST_COMPLETED).done()).isEmpty();
    }

    @Test
    void firstExceptionReturnsAtTheFirstFailureNotAtACancellation() throws Exception {
        CompletableFuture<Integer> cancelled = new CompletableFuture<>();
        CompletableFuture<Integer> failing = new CompletableFuture<>();
        CompletableFuture<Integer> pending = new CompletableFuture<>();
        cancelled.cancel(false);
        List<CompletableFuture<Integer>> all = List.of(cancelled, failing, pending);
        assertThat(Futures.wait(all, Duration.ofMillis(50), ReturnWhen.FIRST_EXCEPTION).notDone())
                .containsExactlyInAnyOrder(failing, pending);
        failing.completeExceptionally(new ArithmeticException());
        DoneAndNotDone<CompletableFuture<Integer>> result = Futures.wait(all, Deadlines.CHILD, ReturnWhen.FIRST_EXCEPTION);
        assertThat(result.done()).containsExactlyInAnyOrder(cancelled, failing);
        assertThat(result.notDone()).containsExactly(pending);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void asCompletedYieldsEachFutureOnceInTheOrderTheyFinish(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (PoolExecutor executor = context.executor(2); Pool pool = context.pool(1)) {
            CompletableFuture<Integer> waiting = executor.submit(FutureContractTest::waitsAtGate, gate);
            AsyncResult<Integer> quick = pool.applyAsync(PoolContractTest::square, 4);
            CompletableFuture<Integer> plain = CompletableFuture.completedFuture(7);
            List<Future<Integer>> all = List.of(waiting, quick, plain, plain);
            Iterator<Future<Integer>> finished = Futures.asCompleted(all, Deadlines.CHILD).iterator();
            List<Future<Integer>> seen = new ArrayList<>();
            seen.add(finished.next());
            seen.add(finished.next());
            assertThat(seen).containsExactlyInAnyOrder(quick, plain);
            assertThat(waiting).isNotDone();
            Gate.open(gate);
            assertThat(finished.next()).isSameAs(waiting);
            assertThat(finished.hasNext()).isFalse();
            assertThat(waiting.get()).isEqualTo(1);
        }
    }

    @Test
    void asCompletedThrowsTimeoutExceptionWhenTheTimeoutPassesFirst() {
        CompletableFuture<Integer> done = CompletableFuture.completedFuture(1);
        CompletableFuture<Integer> never = new CompletableFuture<>();
        Iterator<CompletableFuture<Integer>> finished = Futures.asCompleted(List.of(done, never), Duration.ofMillis(100)).iterator();
        assertThat(finished.next()).isSameAs(done);
        assertThatThrownBy(finished::next).isInstanceOf(TimeoutException.class).hasMessageContaining("1 (of 2)");
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void executorMapOverSeveralIterablesStopsAtTheShortestInOrder(Context context) throws Exception {
        try (PoolExecutor executor = context.executor(2)) {
            assertThat(executor.map((Integer base, Integer exponent) -> (int) Math.pow(base, exponent),
                    List.of(2, 3, 4, 5), List.of(10, 2, 3), null, 2).toList()).containsExactly(1024, 9, 64);
            assertThat(executor.map(PoolContractTest::sum3, List.of(1, 2), List.of(10, 20, 30), List.of(100, 200), null, 1)
                    .toList()).containsExactly(111, 222);
        }
    }
}
