package dev.spindle.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.BrokenPoolException;
import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.multiprocessing.ResultIterator;
import dev.spindle.multiprocessing.TaskOptions;
import dev.spindle.testing.ClusterFixture;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.Gate;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every pool shares, whatever runs its tasks: written once, run over worker
 * processes, platform threads, virtual threads and a cluster's worker host (CPython's
 * ALLOWED_TYPES pattern).
 */
@ExtendWith(NoLeaks.class)
class PoolContractTest {
    @TempDir
    Path dir;

    static Stream<Context> contexts() {
        return Stream.of(Context.processes(), Context.threads(), Context.virtualThreads(), ClusterFixture.context());
    }

    static int square(int x) {
        return x * x;
    }

    static int throwsChecked(int x) throws java.io.IOException {
        throw new java.io.IOException("checked " + x);
    }

    static String joined(String a, int b, long c, double d, boolean e, char f) {
        return a + b + c + d + e + f;
    }

    static int sum3(int a, int b, int c) {
        return a + b + c;
    }

    static int fail(int x) {
        if (x == 3) {
            throw new IllegalArgumentException("three is bad");
        }
        return x;
    }

    static long whoRuns() {
        return ProcessHandle.current().pid();
    }

    /** Says it has started (creates {@code marker}), then runs until interrupted (a process: until killed). */
    static int startsThenLoops(Path marker) throws Exception {
        Files.createFile(marker);
        return loopsUntilInterrupted(0);
    }

    static int loopsUntilInterrupted(int x) {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
        return x;
    }

    static String join(String a, Integer b) {
        return a + b;
    }

    /** Set by the initializer in each worker; read by tasks. */
    static volatile String greeting = "unset";

    static void greet(String text) {
        greeting = text;
    }

    static String greeting(int ignored) {
        return greeting;
    }

    static void refuse() {
        throw new IllegalStateException("no init for you");
    }

    /** The cause of a failure from a process or thread pool: the task's own exception, in both. */
    static Throwable taskException(Throwable failure) {
        return failure instanceof CompletionException || failure instanceof ExecutionException ? failure.getCause() : failure;
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void mapReturnsResultsInOrderForAnyChunkSize(Context context) {
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        List<Integer> squares = items.stream().map(PoolContractTest::square).toList();
        try (Pool pool = context.pool(2)) {
            assertThat(pool.map(PoolContractTest::square, items)).isEqualTo(squares);
            assertThat(pool.map(PoolContractTest::square, items, 1)).isEqualTo(squares);
            assertThat(pool.map(PoolContractTest::square, items, 7)).isEqualTo(squares);
            assertThat(pool.map(PoolContractTest::square, List.<Integer>of())).isEmpty();
            assertThat(pool.starmap(PoolContractTest::join, List.of(Map.entry("a", 1), Map.entry("b", 2))))
                    .containsExactly("a1", "b2");
            assertThat(pool.apply(PoolContractTest::square, 9)).isEqualTo(81);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void callbacksRunInTheParentAndFailuresReachTheErrorCallback(Context context) throws Exception {
        List<Long> callbackPids = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Pool pool = context.pool(2)) {
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                results.add(pool.applyAsync(PoolContractTest::fail, i,
                        v -> callbackPids.add(ProcessHandle.current().pid()), errors::add));
            }
            for (int i = 0; i < 5; i++) {
                AsyncResult<Integer> r = results.get(i);
                r.waitFor();
                assertThat(r.ready()).isTrue();
                assertThat(r.successful()).isEqualTo(i != 3);
            }
            assertThatThrownBy(() -> results.get(3).get()).isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(taskException(e)).hasMessageContaining("three is bad"));
            assertThat(results.get(4).get()).isEqualTo(4);
        }
        assertThat(callbackPids).hasSize(4).containsOnly(ProcessHandle.current().pid());
        assertThat(errors).singleElement().satisfies(e -> assertThat(taskException(e).toString())
                .contains("IllegalArgumentException").contains("three is bad"));
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void aMapAsyncCallbackRunsInThePoolsResultThread(Context context) throws Exception {
        List<String> where = new CopyOnWriteArrayList<>();
        Path gate = dir.resolve("gate");
        try (Pool pool = context.pool(2)) {
            // The tasks wait at the gate until the callback is attached.
            CompletableFuture<Void> callback = pool.mapAsync(FutureContractTest::waitsAtGate, List.of(gate, gate))
                    .toCompletableFuture().thenAccept(v -> where.add(Thread.currentThread().getName()));
            Gate.open(gate);
            callback.get();
        }
        assertThat(where).singleElement().asString().endsWith("-results");
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void aTaskExceptionIsTheCauseItselfForEveryBackend(Context context) throws Exception {
        try (Pool pool = context.pool(1)) {
            AsyncResult<Integer> failed = pool.applyAsync(PoolContractTest::fail, 3);
            assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("three is bad")
                    .satisfies(e -> assertThat(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("fail")));
            assertThatThrownBy(() -> failed.toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(IllegalArgumentException.class);
            // Blocking calls throw the task's own exception, as Python re-raises it.
            assertThatThrownBy(() -> pool.map(PoolContractTest::fail, List.of(1, 3))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("three is bad");
            assertThatThrownBy(() -> pool.apply(PoolContractTest::fail, 3)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pool.starmap((Integer a, Integer b) -> fail(a + b), List.of(Map.entry(1, 2))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pool.apply(PoolContractTest::throwsChecked, 3)).isInstanceOf(java.io.IOException.class)
                    .hasMessage("checked 3");
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void functionsTakeUpToSixArgumentsInApplyStarmapAndSubmit(Context context) throws Exception {
        try (Pool pool = context.pool(2)) {
            assertThat(pool.apply(PoolContractTest::sum3, 1, 2, 3)).isEqualTo(6);
            assertThat(pool.applyAsync(PoolContractTest::joined, "x", 1, 2L, 0.5, true, 'z').get(Deadlines.CHILD))
                    .isEqualTo("x120.5truez");
            assertThat(pool.starmap(PoolContractTest::sum3, List.of(List.of(1, 2, 3), List.of(4, 5, 6)))).containsExactly(6, 15);
            assertThatThrownBy(() -> pool.starmap(PoolContractTest::sum3, List.of(List.of(1, 2))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 arguments cannot take 2");
        }
        try (var executor = context.executor(1)) {
            assertThat(executor.submit(PoolContractTest::sum3, 4, 5, 6).get()).isEqualTo(15);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void aCallbackThatThrowsChangesNothing(Context context) throws Exception {
        // That it is logged to stderr is CallbackErrorsReachStderrTest's, in a JVM of its own.
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Pool pool = context.pool(1)) {
            AsyncResult<Integer> result = pool.applyAsync(PoolContractTest::square, 3,
                    v -> { throw new IllegalStateException("callback broke"); }, errors::add);
            assertThat(result.get(Deadlines.CHILD)).isEqualTo(9);
            assertThat(result.successful()).isTrue();
        }
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void iteratorsTimeOutAndStayWhereTheyAre(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (Pool pool = context.pool(1)) {
            ResultIterator<Integer> unordered = pool.imapUnordered(FutureContractTest::waitsAtGate, List.of(gate));
            assertThatThrownBy(() -> unordered.next(Duration.ofMillis(200))).isInstanceOf(TimeoutException.class);
            ResultIterator<Integer> ordered = pool.imap(FutureContractTest::waitsAtGate, List.of(gate));
            assertThatThrownBy(() -> ordered.next(Duration.ofMillis(200))).isInstanceOf(TimeoutException.class);
            Gate.open(gate);
            assertThat(unordered.next(Deadlines.CHILD)).isEqualTo(1);
            assertThat(ordered.next(Deadlines.CHILD)).isEqualTo(1);
            assertThat(unordered.hasNext()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void anInterruptedIteratorWaitThrowsInterruptedException(Context context) throws Exception {
        Path gate = dir.resolve("gate");
        try (Pool pool = context.pool(1)) {
            for (boolean inOrder : new boolean[] {true, false}) {
                ResultIterator<Integer> results = inOrder ? pool.imap(FutureContractTest::waitsAtGate, List.of(gate))
                        : pool.imapUnordered(FutureContractTest::waitsAtGate, List.of(gate));
                CompletableFuture<Throwable> seen = new CompletableFuture<>();
                Thread waiter = Thread.ofPlatform().start(() -> {
                    try {
                        results.next(Deadlines.CHILD);
                        seen.complete(null);
                    } catch (Throwable t) {
                        seen.complete(t);
                    }
                });
                Deadlines.await("the waiter blocks", Deadlines.PROMPT, () -> waiter.getState() == Thread.State.WAITING
                        || waiter.getState() == Thread.State.TIMED_WAITING);
                waiter.interrupt();
                assertThat(seen.get()).as(inOrder ? "imap" : "imapUnordered").isInstanceOf(InterruptedException.class);
            }
            Gate.open(gate);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void imapGoesOnAfterAFailedItemAndImapUnorderedYieldsEveryResult(Context context) {
        try (Pool pool = context.pool(2)) {
            ResultIterator<Integer> it = pool.imap(PoolContractTest::fail, List.of(1, 2, 3, 4));
            assertThat(it.next()).isEqualTo(1);
            assertThat(it.next()).isEqualTo(2);
            assertThatThrownBy(it::next).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three is bad");
            assertThat(it.next()).isEqualTo(4);
            assertThat(it.hasNext()).isFalse();
            List<Integer> unordered = pool.imapUnordered(PoolContractTest::square, List.of(1, 2, 3, 4, 5)).stream().toList();
            assertThat(unordered).containsExactlyInAnyOrder(1, 4, 9, 16, 25);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void aTaskThatOverrunsItsTimeoutFailsAndTheNextTasksRun(Context context) throws Exception {
        try (Pool pool = context.pool(1)) {
            AsyncResult<Integer> stuck = pool.applyAsync(PoolContractTest::loopsUntilInterrupted, 1,
                    TaskOptions.DEFAULT.timeout(Duration.ofSeconds(1)));
            AsyncResult<Integer> next = pool.applyAsync(PoolContractTest::square, 5);
            assertThatThrownBy(() -> stuck.get(Deadlines.CHILD)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            assertThat(next.get(Deadlines.CHILD)).isEqualTo(25);
            assertThat(pool.apply(PoolContractTest::square, 6)).isEqualTo(36);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void cancelTrueStopsARunningTask(Context context) throws Exception {
        try (Pool pool = context.pool(1)) {
            Path marker = dir.resolve("started");
            AsyncResult<Integer> running = pool.applyAsync(PoolContractTest::startsThenLoops, marker);
            Deadlines.await("the task runs", Deadlines.CHILD, () -> Files.exists(marker));
            assertThat(running.cancel(true)).isTrue();
            assertThat(running.isCancelled()).isTrue();
            assertThat(pool.apply(PoolContractTest::square, 7)).isEqualTo(49);
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void terminateFailsEveryUnfinishedTask(Context context) throws Exception {
        Pool pool = context.pool(2);
        List<AsyncResult<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.applyAsync(PoolContractTest::loopsUntilInterrupted, i));
        }
        pool.terminate();
        assertThat(pool.join(Deadlines.CHILD)).isTrue();
        for (AsyncResult<Integer> r : results) {
            assertThat(r.ready()).isTrue();
            assertThat(r.successful()).isFalse();
            assertThatThrownBy(r::get).isInstanceOf(CancellationException.class);
        }
        assertThatThrownBy(() -> pool.apply(PoolContractTest::square, 1)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void theInitializerRunsInEachWorkerBeforeItsTasks(Context context) {
        if (context.kind() == Context.Kind.CLUSTER) { // its workers are hosts shared by every client
            assertThatThrownBy(() -> context.poolBuilder(2).initializer(PoolContractTest::greet, "hello").build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("bin/spindle worker");
            return;
        }
        try (Pool pool = context.poolBuilder(2).initializer(PoolContractTest::greet, "hello").build()) {
            assertThat(pool.map(PoolContractTest::greeting, List.of(1, 2, 3, 4))).containsOnly("hello");
        }
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void anInitializerThatThrowsBreaksThePoolInsteadOfRespawningForever(Context context) throws Exception {
        if (context.kind() == Context.Kind.CLUSTER) {
            return; // no initializer there (the test above)
        }
        Pool pool = context.poolBuilder(2).initializer(PoolContractTest::refuse).build();
        // A task submitted before the pool knows it is broken fails; afterwards submitting throws.
        assertThatThrownBy(() -> pool.apply(PoolContractTest::square, 2))
                .satisfies(e -> assertThat(e instanceof BrokenPoolException ? e : e.getCause()).isInstanceOf(BrokenPoolException.class)
                        .satisfies(b -> assertThat(taskException(b.getCause()).toString()).contains("no init for you")));
        assertThatThrownBy(() -> pool.applyAsync(PoolContractTest::square, 2)).isInstanceOf(BrokenPoolException.class);
        assertThat(pool.join(Deadlines.CHILD)).isTrue();
        assertThat(Spindle.activeChildren()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void progressReachesTheTotal(Context context) throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (Pool pool = context.pool(2)) {
            pool.map(PoolContractTest::square, IntStream.range(0, 50).boxed().toList(),
                    TaskOptions.DEFAULT.chunksize(5).progress((done, total) -> {
                        assertThat(total).isEqualTo(50);
                        seen.add(done);
                    }));
            assertThat(seen).as("reported before map returns").contains(50L);
        }
        assertThat(seen).hasSize(10).isSorted();
    }
}
