package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.Gate;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The asynchronous map API of every pool, answering CPython's {@code _TestPool} tests one by one. */
@ExtendWith(NoLeaks.class)
class AsyncMapTest {
    @TempDir
    Path dir;

    static Stream<Context> contexts() {
        return PoolContractTest.contexts();
    }

    static int parse(String text) {
        return Integer.parseInt(text);
    }

    static int multiply(int a, int b) {
        return a * b;
    }

    /** CPython's {@code test_map_async}: the values of a map submitted at once, in order. */
    @ParameterizedTest
    @MethodSource("contexts")
    void mapAsyncGivesEveryValueInOrder(Context context) throws Exception {
        List<Integer> items = IntStream.range(0, 10).boxed().toList();
        try (Pool pool = context.pool(2)) {
            assertThat(pool.mapAsync(PoolContractTest::square, items).get(Deadlines.CHILD))
                    .isEqualTo(items.stream().map(PoolContractTest::square).toList());
        }
    }

    /**
     * CPython's {@code test_map_async_callbacks}: the callback gets the list of results, the error
     * callback the failure, and either has run once {@code waitFor} returns.
     */
    @ParameterizedTest
    @MethodSource("contexts")
    void mapAsyncCallsItsCallbackOrItsErrorCallbackBeforeItIsReady(Context context) throws Exception {
        List<Object> calls = new CopyOnWriteArrayList<>();
        try (Pool pool = context.pool(2)) {
            pool.mapAsync(AsyncMapTest::parse, List.of("1"), calls::add, calls::add).waitFor();
            assertThat(calls).containsExactly(List.of(1));
            AsyncResult<List<Integer>> failed = pool.mapAsync(AsyncMapTest::parse, List.of("a"), calls::add, calls::add);
            failed.waitFor();
            assertThat(calls).hasSize(2);
            assertThat(PoolContractTest.taskException((Throwable) calls.get(1))).isInstanceOf(NumberFormatException.class);
            assertThat(failed.successful()).isFalse();
        }
    }

    /** CPython's {@code test_starmap_async}: the values of a star map submitted at once, and its callback. */
    @ParameterizedTest
    @MethodSource("contexts")
    void starmapAsyncGivesEveryValueInOrderAndCallsBack(Context context) throws Exception {
        List<Map.Entry<Integer, Integer>> pairs = List.of(Map.entry(1, 2), Map.entry(3, 4), Map.entry(5, 6));
        List<Object> calls = new CopyOnWriteArrayList<>();
        try (Pool pool = context.pool(2)) {
            assertThat(pool.starmapAsync(AsyncMapTest::multiply, pairs).get(Deadlines.CHILD)).containsExactly(2, 12, 30);
            pool.starmapAsync(AsyncMapTest::multiply, pairs, calls::add, calls::add).waitFor();
        }
        assertThat(calls).containsExactly(List.of(2, 12, 30));
    }

    /** CPython's {@code test_async_timeout}: {@code get(timeout)} of an unfinished task throws TimeoutException. */
    @ParameterizedTest
    @MethodSource("contexts")
    void getWithATimeoutThrowsTimeoutExceptionWhileTheTaskRuns(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (Pool pool = context.pool(1)) {
            AsyncResult<Integer> result = pool.applyAsync(FutureContractTest::waitsAtGate, gate);
            assertThatThrownBy(() -> result.get(Duration.ofMillis(100))).isInstanceOf(TimeoutException.class);
            assertThat(result.ready()).isFalse();
            Gate.open(gate);
            assertThat(result.get(Deadlines.CHILD)).isEqualTo(1);
        }
    }

    /** CPython's {@code test_empty_iterable}: every map of nothing is empty, at once. */
    @ParameterizedTest
    @MethodSource("contexts")
    void emptyInputsGiveEmptyResults(Context context) throws Exception {
        try (Pool pool = context.pool(1)) {
            assertThat(pool.map(PoolContractTest::square, List.<Integer>of())).isEmpty();
            assertThat(pool.imap(PoolContractTest::square, List.<Integer>of()).hasNext()).isFalse();
            assertThat(pool.imapUnordered(PoolContractTest::square, List.<Integer>of()).hasNext()).isFalse();
            assertThat(pool.mapAsync(PoolContractTest::square, List.<Integer>of()).get(Deadlines.PROMPT)).isEmpty();
        }
    }

    /** CPython's {@code test_context}: a pool closed by its try-with-resources refuses new work. */
    @ParameterizedTest
    @MethodSource("contexts")
    void aClosedPoolRefusesWork(Context context) throws Exception {
        Pool pool = context.pool(1);
        try (pool) {
            assertThat(pool.mapAsync(PoolContractTest::square, List.of(1, 2)).get(Deadlines.CHILD)).containsExactly(1, 4);
        }
        assertThatThrownBy(() -> pool.mapAsync(PoolContractTest::square, List.of(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.apply(PoolContractTest::square, 1)).isInstanceOf(IllegalStateException.class);
    }

    /** CPython's {@code test_make_pool}: a pool of zero or fewer workers is refused. */
    @ParameterizedTest
    @MethodSource("contexts")
    void aPoolOfNoWorkersIsRefused(Context context) {
        assertThatThrownBy(() -> Pool.builder(context).processes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pool.builder(context).processes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An {@link Iterable} whose iterator gives 0, 1, 2 and then throws (CPython's {@code exception_throwing_generator}). */
    static Iterable<Integer> throwingAfterThree() {
        return () -> IntStream.iterate(0, i -> {
            if (i == 2) {
                throw new IllegalStateException("SayWhenError");
            }
            return i + 1;
        }).iterator();
    }

    /**
     * CPython's {@code test_map_handle_iterable_exception}: the input's own exception comes out of
     * {@code map}, and the pool goes on.
     */
    @ParameterizedTest
    @MethodSource("contexts")
    void anIterableThatThrowsFailsTheMapWithItsExceptionAndThePoolGoesOn(Context context) {
        try (Pool pool = context.pool(1)) {
            assertThatThrownBy(() -> pool.map(PoolContractTest::square, throwingAfterThree()))
                    .isInstanceOf(IllegalStateException.class).hasMessage("SayWhenError");
            assertThatThrownBy(() -> pool.map(PoolContractTest::square, throwingAfterThree(), 1))
                    .isInstanceOf(IllegalStateException.class).hasMessage("SayWhenError");
            assertThat(pool.map(PoolContractTest::square, List.of(3))).containsExactly(9);
        }
    }
}
