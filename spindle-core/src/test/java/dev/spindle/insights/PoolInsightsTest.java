package dev.spindle.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.Context;
import dev.spindle.Spindle;
import dev.spindle.futures.ThreadPoolExecutor;
import dev.spindle.multiprocessing.AsyncResult;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.NoLeaks;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@code insights()} reports of a pool's workers, slowest tasks and failures, for each kind of worker. */
@ExtendWith(NoLeaks.class)
class PoolInsightsTest {
    static final int SLOW = 7;
    static final int BAD = 13;

    /** Fast for every item but {@link #SLOW}, which sleeps; raises for {@link #BAD}. */
    static int work(int x) throws InterruptedException {
        if (x == SLOW) {
            Thread.sleep(300);
        }
        if (x == BAD) {
            throw new IllegalArgumentException("bad item " + x);
        }
        return x * 2;
    }

    static void initialize() throws InterruptedException {
        Thread.sleep(50);
    }

    private static List<Integer> items() {
        return IntStream.range(0, 40).boxed().toList();
    }

    @Test
    void aProcessPoolReportsItsWorkersSlowestTasksAndFailures() throws Exception {
        try (Pool pool = Pool.builder().processes(2).initializer(PoolInsightsTest::initialize).insights(true).build()) {
            runAll(pool);
            PoolInsights insights = pool.insights();
            assertThat(insights.kind()).isEqualTo("processes");
            assertThat(insights.recording()).isTrue();
            assertThat(insights.workers()).hasSize(2);
            for (WorkerInsight worker : insights.workers()) {
                assertThat(worker.pid()).isNotEqualTo(ProcessHandle.current().pid());
                assertThat(worker.state()).isEqualTo(WorkerState.IDLE);
                assertThat(worker.startUp()).isPositive();
                assertThat(worker.init()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
                assertThat(worker.memoryBytes()).isPositive();
                assertThat(worker.movingData()).isPositive();
            }
            assertThat(insights.workers().stream().mapToLong(WorkerInsight::tasksDone).sum()).isEqualTo(40);
            assertThat(insights.workers().stream().map(WorkerInsight::working).reduce(Duration.ZERO, Duration::plus))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertRecorded(insights, insights.workers().stream().map(WorkerInsight::name).toList());
            assertThat(insights.failures().getFirst().traceback()).contains("RemoteTraceback");
        }
    }

    @Test
    void aThreadPoolReportsItsThreads() throws Exception {
        try (Pool pool = Pool.builder(Context.threads()).processes(3).insights(true).build()) {
            runAll(pool);
            PoolInsights insights = pool.insights();
            assertThat(insights.kind()).isEqualTo("threads");
            assertThat(insights.workers()).hasSize(3).allSatisfy(worker -> {
                assertThat(worker.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(worker.name()).startsWith("ThreadPoolWorker-");
            });
            assertThat(insights.workers().stream().mapToLong(WorkerInsight::tasksDone).sum()).isEqualTo(40);
            assertRecorded(insights, insights.workers().stream().map(WorkerInsight::name).toList());
        }
    }

    @Test
    void anExecutorOfVirtualThreadsReportsItsTasks() throws Exception {
        try (ThreadPoolExecutor executor = new ThreadPoolExecutor(Pool.builder(Context.virtualThreads()).insights(true))) {
            for (int x : items()) {
                executor.submit(() -> work(x));
            }
            executor.shutdown(true, false);
            PoolInsights insights = executor.insights();
            assertThat(insights.kind()).isEqualTo("virtual threads");
            assertThat(insights.done()).isEqualTo(39);
            assertThat(insights.failed()).isEqualTo(1);
            assertThat(insights.slowest().getFirst().took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(insights.failures()).singleElement().satisfies(f -> assertThat(f.traceback()).contains("bad item 13"));
        }
    }

    @Test
    void aPoolThatDoesNotRecordKeepsCountsOnly() throws Exception {
        try (Pool pool = Pool.builder().processes(1).insights(false).build()) {
            runAll(pool);
            PoolInsights insights = pool.insights();
            assertThat(insights.recording()).isFalse();
            assertThat(insights.done()).isEqualTo(39);
            assertThat(insights.failed()).isEqualTo(1);
            assertThat(insights.slowest()).isEmpty();
            assertThat(insights.failures()).isEmpty();
            assertThat(insights.workers()).singleElement().satisfies(worker -> {
                assertThat(worker.tasksDone()).isZero();
                assertThat(worker.working()).isZero();
            });
        }
    }

    @Test
    void aClosedPoolStillReportsAndLeavesTheListOfLivePools() throws Exception {
        Pool pool = Pool.builder(Context.threads()).processes(1).name("closing-pool").build();
        pool.map(PoolInsightsTest::work, List.of(1, 2, 3));
        pool.close();
        pool.join();
        assertThat(pool.insights().state()).isEqualTo("shutdown");
        assertThat(pool.insights().done()).isEqualTo(3);
        assertThat(Spindle.insights()).anySatisfy(p -> assertThat(p.name()).contains("closing-pool"));
        assertThat(Spindle.insights()).noneSatisfy(p -> assertThat(p.name()).contains("closing-pool"));
    }

    @Test
    void aBadToStringCannotBreakAReport() throws Exception {
        try (Pool pool = Pool.builder(Context.threads()).processes(1).insights(true).build()) {
            Object hostile = new Object() {
                @Override
                public String toString() {
                    throw new IllegalStateException("no");
                }
            };
            assertThatThrownBy(() -> pool.apply(x -> { throw new IllegalStateException("raised"); }, hostile))
                    .hasMessageContaining("raised");
            assertThat(pool.insights().failures()).singleElement()
                    .satisfies(f -> assertThat(f.arguments()).startsWith("<"));
        }
    }

    /** Runs every item as its own task and waits for all: the pool stays up, its workers idle. */
    private static void runAll(Pool pool) throws Exception {
        List<AsyncResult<Integer>> results = items().stream().map(x -> pool.applyAsync(PoolInsightsTest::work, x)).toList();
        for (AsyncResult<Integer> result : results) {
            result.waitFor();
        }
        assertThatThrownBy(results.get(BAD)::get).hasMessageContaining("bad item 13");
    }

    private static void assertRecorded(PoolInsights insights, List<String> workerNames) {
        assertThat(insights.done()).isEqualTo(39);
        assertThat(insights.failed()).isEqualTo(1);
        assertThat(insights.queued()).isZero();
        assertThat(insights.running()).isZero();
        assertThat(insights.slowest()).hasSizeLessThanOrEqualTo(PoolInsights.SLOWEST).isNotEmpty();
        SlowTask slowest = insights.slowest().getFirst();
        assertThat(slowest.arguments()).isEqualTo(String.valueOf(SLOW));
        assertThat(slowest.function()).isEqualTo("PoolInsightsTest::work");
        assertThat(slowest.took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(slowest.worker()).isIn(workerNames);
        assertThat(insights.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.arguments()).isEqualTo(String.valueOf(BAD));
            assertThat(failure.traceback()).contains("IllegalArgumentException: bad item 13");
            assertThat(failure.worker()).isIn(workerNames);
        });
    }
}
