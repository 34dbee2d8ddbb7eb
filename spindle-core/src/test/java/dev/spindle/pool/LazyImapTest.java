package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.SerializationException;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.ResultIterator;
import dev.spindle.multiprocessing.TaskOptions;
import dev.spindle.testing.NoLeaks;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code imap} and {@code imapUnordered} read their input lazily, a bounded window ahead of the
 * consumer, and an exception from the input comes after the results before it (CPython's
 * {@code _TestPool.test_imap_handle_iterable_exception} and its relatives); {@code map} reads the
 * whole input at the call. Run over worker processes, platform threads and virtual threads.
 */
@ExtendWith(NoLeaks.class)
class LazyImapTest {
    /** CPython's {@code SayWhenError} (a {@code ValueError}): what the input throws. */
    static final class SayWhenError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SayWhenError() {
            super("Somebody said when");
        }
    }

    /**
     * The input 0, 1, 2, … up to {@code total} (exclusive; {@link Integer#MAX_VALUE}: no end) whose
     * {@code next()} throws a {@link SayWhenError} at {@code when} (-1: never), counting the items
     * taken from it (CPython's {@code exception_throwing_generator}, not a collection: its length
     * is not known).
     */
    static final class Input implements Iterable<Integer> {
        final AtomicInteger taken = new AtomicInteger();
        private final int total;
        private final int when;

        Input(int total, int when) {
            this.total = total;
            this.when = when;
        }

        static Input endless() {
            return new Input(Integer.MAX_VALUE, -1);
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < total;
                }

                @Override
                public Integer next() {
                    if (next == when) {
                        throw new SayWhenError();
                    }
                    if (next >= total) {
                        throw new NoSuchElementException();
                    }
                    taken.incrementAndGet();
                    return next++;
                }
            };
        }
    }

    private static List<Integer> squaresBelow(int n) {
        return IntStream.range(0, n).map(PoolContractTest::square).boxed().toList();
    }

    /** Takes {@code n} results, then expects the iterator to throw the input's exception and end. */
    private static void takesThenThrowsTheInputsException(ResultIterator<Integer> results, int n, boolean inOrder) {
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            taken.add(results.next());
        }
        if (inOrder) {
            assertThat(taken).isEqualTo(squaresBelow(n));
        } else {
            assertThat(taken).containsExactlyInAnyOrderElementsOf(squaresBelow(n));
        }
        assertThatThrownBy(results::next).isInstanceOf(SayWhenError.class).hasMessage("Somebody said when")
                .satisfies(e -> assertThat(e.getSuppressed()).as("not a remote failure").isEmpty());
        assertThat(results.hasNext()).isFalse();
        assertThatThrownBy(results::next).isInstanceOf(NoSuchElementException.class);
    }

    /**
     * An input with no end (which CPython's imap, reading all its input in a thread, cannot take):
     * the consumer takes the first results in order, closes the iterator, and nothing hangs; the
     * input was read no further than the window ahead of what was taken.
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void anEndlessInputStreamsThroughImapUntilTheIteratorIsClosed(Context context) {
        Input input = Input.endless();
        try (Pool pool = context.pool(2)) {
            ResultIterator<Integer> results = pool.imap(PoolContractTest::square, input);
            for (int i = 0; i < 20; i++) {
                assertThat(results.next()).isEqualTo(i * i);
            }
            results.close();
            assertThat(results.hasNext()).isFalse();
            assertThatThrownBy(results::next).isInstanceOf(NoSuchElementException.class);
            assertThat(input.taken.get()).isBetween(20, 20 + pool.streamWindow());
            assertThat(pool.apply(PoolContractTest::square, 7)).as("the pool goes on").isEqualTo(49);
        }
    }

    /**
     * Closing the pool (Python's {@code close()} + {@code join()}) under an endless imap returns:
     * the tasks already read finish and can still be taken, then the iterator throws the pool's
     * refusal where the next item would be, and ends.
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void closingThePoolUnderAnEndlessImapDoesNotHang(Context context) {
        Input input = Input.endless();
        Pool pool = context.pool(2);
        ResultIterator<Integer> results = pool.imapUnordered(PoolContractTest::square, input);
        for (int i = 0; i < 5; i++) {
            results.next();
        }
        pool.close();
        int more = 0;
        Throwable end = null;
        while (end == null) {
            try {
                results.next();
                more++;
            } catch (IllegalStateException refused) {
                end = refused;
            }
        }
        assertThat(end).hasMessageContaining("not running");
        assertThat(more).isLessThanOrEqualTo(pool.streamWindow());
        assertThat(input.taken.get()).isEqualTo(5 + more);
        assertThat(results.hasNext()).isFalse();
    }

    /**
     * The input is read lazily: at the call, exactly one window of tasks ({@code streamWindow()}
     * tasks of {@code chunksize} items); then no more than a window ahead of what the consumer
     * has taken. Behaviour, not timing: the counts hold however fast the workers are.
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void theInputIsReadAtMostAWindowAheadOfTheConsumer(Context context) {
        try (Pool pool = context.pool(2)) {
            int window = pool.streamWindow();
            for (int chunksize : new int[] {1, 3}) {
                for (boolean inOrder : new boolean[] {true, false}) {
                    Input input = Input.endless();
                    TaskOptions options = TaskOptions.DEFAULT.chunksize(chunksize);
                    try (ResultIterator<Integer> results = inOrder ? pool.imap(PoolContractTest::square, input, options)
                            : pool.imapUnordered(PoolContractTest::square, input, options)) {
                        assertThat(input.taken.get()).as("read at the call").isEqualTo(window * chunksize);
                        for (int taken = 1; taken <= 2 * window; taken++) {
                            results.next();
                            assertThat(input.taken.get()).as("read after %d results", taken)
                                    .isLessThanOrEqualTo(taken + window * chunksize);
                        }
                    }
                }
            }
        }
    }

    /**
     * CPython's {@code test_imap_handle_iterable_exception}: the results of the items before the
     * failing one come, in order, then the input's own exception (not wrapped, not a remote one),
     * then the end. Unlike CPython, the items read into the chunk the exception broke off still
     * run: with chunk sizes 2 and 4 the first 7 results come (CPython drops that chunk: 6 and 4).
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void imapYieldsTheResultsBeforeAnInputExceptionThenThrowsIt(Context context) {
        try (Pool pool = context.pool(2)) {
            ResultIterator<Integer> first = pool.imap(PoolContractTest::square, new Input(1, 0));
            takesThenThrowsTheInputsException(first, 0, true);
            ResultIterator<Integer> again = pool.imap(PoolContractTest::square, new Input(1, 0));
            takesThenThrowsTheInputsException(again, 0, true);
            takesThenThrowsTheInputsException(pool.imap(PoolContractTest::square, new Input(10, 3)), 3, true);
            takesThenThrowsTheInputsException(pool.imap(PoolContractTest::square, new Input(20, 7),
                    TaskOptions.DEFAULT.chunksize(2)), 7, true);
            takesThenThrowsTheInputsException(pool.imap(PoolContractTest::square, new Input(20, 7),
                    TaskOptions.DEFAULT.chunksize(4)), 7, true);
        }
    }

    /**
     * CPython's {@code test_imap_unordered_handle_iterable_exception}: every result of the items
     * before the failing one comes (in any order), then the input's exception, then the end.
     * CPython cannot say when the exception comes among the results; here it comes after all of
     * them.
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void imapUnorderedYieldsEveryResultBeforeAnInputExceptionThenThrowsIt(Context context) {
        try (Pool pool = context.pool(2)) {
            takesThenThrowsTheInputsException(pool.imapUnordered(PoolContractTest::square, new Input(1, 0)), 0, false);
            takesThenThrowsTheInputsException(pool.imapUnordered(PoolContractTest::square, new Input(1, 0)), 0, false);
            takesThenThrowsTheInputsException(pool.imapUnordered(PoolContractTest::square, new Input(10, 3)), 3, false);
            takesThenThrowsTheInputsException(pool.imapUnordered(PoolContractTest::square, new Input(20, 7),
                    TaskOptions.DEFAULT.chunksize(2)), 7, false);
        }
    }

    /**
     * CPython's {@code test_map_handle_iterable_exception}: {@code map} (and {@code map_async},
     * {@code starmap}) read the whole input at the call, so the input's exception comes out of
     * the call itself, as it is, and the pool goes on.
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void mapThrowsAnInputExceptionAtTheCall(Context context) {
        try (Pool pool = context.pool(2)) {
            assertThatThrownBy(() -> pool.map(PoolContractTest::square, new Input(1, 0), 1)).isInstanceOf(SayWhenError.class);
            assertThatThrownBy(() -> pool.map(PoolContractTest::square, new Input(1, 0), 1)).isInstanceOf(SayWhenError.class);
            assertThatThrownBy(() -> pool.map(PoolContractTest::square, new Input(10, 3), 1)).isInstanceOf(SayWhenError.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
            assertThatThrownBy(() -> pool.mapAsync(PoolContractTest::square, new Input(10, 3))).isInstanceOf(SayWhenError.class);
            Iterable<Map.Entry<Integer, Integer>> pairs = () -> {
                throw new SayWhenError();
            };
            assertThatThrownBy(() -> pool.starmap(Integer::sum, pairs)).isInstanceOf(SayWhenError.class);
            assertThat(pool.map(PoolContractTest::square, new Input(5, -1))).isEqualTo(squaresBelow(5));
        }
    }

    /**
     * CPython's task handler, when an imap task cannot be pickled, fails that task and goes on:
     * here an item a process pool cannot encode fails in its place with a
     * {@link SerializationException}, and the items after it still run.
     */
    @Test
    void anItemThatCannotBeEncodedFailsInItsPlaceAndImapGoesOn() {
        List<Object> items = List.of(1, new Object(), 3);
        try (Pool pool = Pool.of(1)) {
            ResultIterator<String> results = pool.imap(String::valueOf, items);
            assertThat(results.next()).isEqualTo("1");
            assertThatThrownBy(results::next).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("java.lang.Object");
            assertThat(results.next()).isEqualTo("3");
            assertThat(results.hasNext()).isFalse();
        }
    }
}
