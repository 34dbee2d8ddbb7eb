package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.SerializationException;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.ResultIterator;
import dev.spindle.multiprocessing.TaskOptions;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.Gate;
import dev.spindle.testing.NoLeaks;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pool behaviour that CPython's {@code _TestPool} and {@code _TestPoolWorkerLifetime} check and
 * Spindle had without a test: each test names the CPython test it answers. Run over worker
 * processes, platform threads and virtual threads where the behaviour is shared.
 */
@ExtendWith(NoLeaks.class)
class PoolChecklistTest {
    @TempDir
    Path dir;

    static Object identity(Object x) {
        return x;
    }

    /** Item 0 fails at once; item 1 waits at {@code gate}, then leaves {@code done} behind. */
    static int failsOrFinishesLate(Path gate, int item) throws Exception {
        if (item == 0) {
            throw new IllegalArgumentException("item 0 fails");
        }
        Gate.pass(gate);
        Files.writeString(gate.resolveSibling("done"), "");
        return item;
    }

    static int squareAfterGate(Path gate, int x) throws InterruptedException {
        Gate.pass(gate);
        return x * x;
    }

    /** CPython's {@code test_map_unplicklable}: an item that cannot be encoded fails the map at the call; nothing hangs. */
    @Test
    void aMapOfAnItemThatCannotBeEncodedFailsAtTheCall() {
        List<Object> items = new ArrayList<>(Collections.nCopies(10, (Object) "fine"));
        items.set(5, new Object());
        try (Pool pool = Pool.of(2)) {
            assertThatThrownBy(() -> pool.map(String::valueOf, items)).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("java.lang.Object");
            assertThatThrownBy(() -> pool.mapAsync(String::valueOf, items)).isInstanceOf(SerializationException.class);
            assertThat(pool.map(String::valueOf, List.of(1, 2))).containsExactly("1", "2");
        }
    }

    /** CPython's {@code test_empty_iterable} and {@code test_map_chunksize}: empty inputs give empty results at once. */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void emptyInputsGiveEmptyResults(Context context) throws Exception {
        Iterable<Integer> emptyAndNotACollection = Collections::emptyIterator;
        Pool pool = context.pool(1);
        assertThat(pool.map(PoolContractTest::square, List.of())).isEmpty();
        assertThat(pool.imap(PoolContractTest::square, List.<Integer>of()).stream().toList()).isEmpty();
        assertThat(pool.imap(PoolContractTest::square, emptyAndNotACollection).hasNext()).isFalse();
        assertThat(pool.imapUnordered(PoolContractTest::square, List.<Integer>of()).stream().toList()).isEmpty();
        assertThat(pool.imapUnordered(PoolContractTest::square, emptyAndNotACollection).hasNext()).isFalse();
        assertThat(pool.mapAsync(PoolContractTest::square, List.of()).get(Deadlines.PROMPT)).isEmpty();
        assertThat(pool.mapAsync(PoolContractTest::square, List.of(), TaskOptions.DEFAULT.chunksize(1))
                .get(Deadlines.PROMPT)).isEmpty();
        assertThat(pool.starmapAsync(Integer::sum, List.<Map.Entry<Integer, Integer>>of()).get(Deadlines.PROMPT)).isEmpty();
        pool.shutdown();
        assertThat(pool.join(Deadlines.CHILD)).isTrue();
    }

    /**
     * CPython's {@code test_context} and {@code test_enter}: once the pool is closed, new work is
     * refused at the call (Python's {@code ValueError: Pool not running}; here an
     * {@link IllegalStateException}), imaps included.
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void workIsRefusedOnceThePoolIsClosed(Context context) throws Exception {
        Pool pool = context.pool(2);
        try (pool) {
            assertThat(pool.mapAsync(PoolContractTest::square, List.of(1, 2, 3)).get(Deadlines.CHILD)).containsExactly(1, 4, 9);
        }
        List<Integer> items = List.of(1, 2);
        assertThatThrownBy(() -> pool.mapAsync(PoolContractTest::square, items)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        assertThatThrownBy(() -> pool.map(PoolContractTest::square, items)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.imap(PoolContractTest::square, items)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.imapUnordered(PoolContractTest::square, items)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.applyAsync(PoolContractTest::square, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.starmap(Integer::sum, List.of(Map.entry(1, 2)))).isInstanceOf(IllegalStateException.class);
        assertThat(pool.join(Deadlines.CHILD)).isTrue();
    }

    /**
     * CPython's {@code test_map_no_failfast}: a map throws its first failure as soon as it comes,
     * yet {@code close()} (shutdown + join) afterwards still waits for the map's other task. The
     * other task is held at a gate until {@code close()} is seen waiting, so a close that did not
     * wait would return before the task left its mark.
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    @SuppressWarnings("serial")
    void closeAfterAFailingMapStillWaitsForEveryTask(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        Path done = dir.resolve("done");
        Pool pool = context.pool(2);
        assertThatThrownBy(() -> pool.map(item -> failsOrFinishesLate(gate, item), List.of(0, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("item 0 fails");
        Gate.awaitArrival(gate);
        CompletableFuture<Boolean> doneWhenCloseReturned = new CompletableFuture<>();
        Thread closer = Thread.ofPlatform().start(() -> {
            pool.close();
            doneWhenCloseReturned.complete(Files.exists(done));
        });
        Deadlines.await("close() waits", Deadlines.PROMPT, () -> closer.getState() == Thread.State.WAITING
                || closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(doneWhenCloseReturned).isNotDone();
        Gate.open(gate);
        assertThat(doneWhenCloseReturned.get(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /**
     * CPython's {@code test_release_task_refs}: once a map's results were taken, the pool keeps
     * neither its arguments nor its results (for a process pool, the copies that came back):
     * after a collection, weak references to them are cleared, while the pool lives on. The same
     * for an imap whose iterator is still held: a result taken is the consumer's alone.
     */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void thePoolKeepsNoArgumentOrResultAlive(Context context) throws Exception {
        try (Pool pool = context.pool(2)) {
            List<WeakReference<Object>> refs = new ArrayList<>();
            List<Object> objects = IntStream.range(0, 10).mapToObj(i -> (Object) new StringBuilder("item " + i))
                    .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
            objects.forEach(o -> refs.add(new WeakReference<>(o)));
            List<Object> results = pool.map(PoolChecklistTest::identity, objects, 1);
            assertThat(results).hasSize(10);
            results.forEach(o -> refs.add(new WeakReference<>(o)));
            ResultIterator<Object> streamed = pool.imap(PoolChecklistTest::identity, List.of(new StringBuilder("streamed")));
            refs.add(new WeakReference<>(streamed.next()));
            objects = null;
            results = null;
            Deadlines.await("no argument or result is kept alive", Deadlines.PROMPT, () -> {
                System.gc();
                return refs.stream().allMatch(r -> r.get() == null);
            });
            assertThat(streamed.hasNext()).isFalse();
            assertThat(pool.apply(PoolContractTest::square, 3)).as("the pool lives on").isEqualTo(9);
        }
    }

    /**
     * A pool of 200 workers: all of them run at once (200 tasks meet at a barrier of 200). Threads:
     * 200 worker JVMs on a 2-core test machine would cost minutes of start-up and gigabytes; a
     * process pool's size is tested on small pools elsewhere.
     */
    @Test
    @SuppressWarnings("serial")
    void aPoolOf200ThreadsRunsThemAllAtOnce() {
        CyclicBarrier everyone = new CyclicBarrier(200);
        try (Pool pool = Context.threads().pool(200)) {
            assertThat(pool.size()).isEqualTo(200);
            List<String> threads = pool.map(i -> {
                everyone.await(Deadlines.CHILD.toSeconds(), TimeUnit.SECONDS);
                return Thread.currentThread().getName();
            }, IntStream.range(0, 200).boxed().toList(), 1);
            assertThat(threads).doesNotHaveDuplicates().hasSize(200);
        }
    }

    /**
     * CPython's {@code test_pool_worker_lifetime_early_close}: a pool whose workers each run one
     * task ({@code maxTasksPerChild(1)}) is shut down while its tasks are still held at a gate;
     * join then returns, and every task ran.
     */
    @Test
    void shuttingDownEarlyWithMaxTasksPerChildOneRunsEveryTask() throws Exception {
        Path gate = dir.resolve("gate");
        Pool pool = Pool.builder().processes(3).maxTasksPerChild(1).build();
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.applyAsync(PoolChecklistTest::squareAfterGate, gate, i));
        }
        Gate.awaitArrival(gate);
        pool.shutdown();
        Gate.open(gate);
        assertThat(pool.join(Deadlines.CHILD)).isTrue();
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).get(Deadlines.PROMPT)).isEqualTo(i * i);
        }
    }

    /** CPython's {@code test_make_pool}: a pool of 0 or fewer workers is refused (Python's ValueError); 3 makes 3. */
    @ParameterizedTest
    @MethodSource("dev.spindle.pool.PoolContractTest#contexts")
    void aPoolOfNoWorkersIsRefused(Context context) {
        assertThatThrownBy(() -> context.pool(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> context.pool(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pool.builder().processes(0)).isInstanceOf(IllegalArgumentException.class);
        try (Pool pool = context.pool(3)) {
            assertThat(pool.size()).isEqualTo(3);
        }
    }
}
