package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The observable point of each `queue-mp` and `shared-value` row of seed-programs.md. */
class QueueExamplesTest {
    private static final double FAST = 0.02;

    private static List<String> tenBaozi() {
        return IntStream.range(0, 10).mapToObj(i -> "包子" + i).toList();
    }

    @Test
    void mpPingPongQueuePrintsTenLinesBetweenTwoProcessesAndLeavesOneTen() throws Exception {
        DemoRun run = DemoRun.of("mp-pingpong-queue", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("Ping") + run.count("Pong")).isEqualTo(10);
        assertThat(run.lines().stream().filter(l -> !l.startsWith("left")).toList()).as("who prints which is timing's")
                .hasSize(10).allMatch(l -> l.equals("Ping") || l.equals("Pong"));
        assertThat(run.output()).contains("left in the queue: 10 (0 more)");
    }

    @Test
    void mpQueuePutGetKeepsTheChildsOrderAcrossProcesses() throws Exception {
        DemoRun run = DemoRun.of("mp-queue-put-get", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("主进程", "0", "1", "2", "3", "4");
    }

    @Test
    void mpQueueFullEmptyIsFullAtThreeAndSaysFullToAFourth() throws Exception {
        DemoRun run = DemoRun.of("mp-queue-full-empty", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("True", "put_nowait: queue.Full", "put blocked until its timeout: queue.Full",
                "3", "3", "3", "True");
    }

    @Test
    void mpProdConsNoSentinelConsumesAllThenHangsUntilTerminated() throws Exception {
        DemoRun run = DemoRun.of("mp-prodcons-no-sentinel", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("消费者拿到了：(包子\\d)")).containsExactlyElementsOf(tenBaozi());
        assertThat(run.all("生产者生产了：(包子\\d)")).containsExactlyElementsOf(tenBaozi());
        assertThat(run.output()).contains("主线程", "still blocked in q.get()", "terminating it");
    }

    @Test
    void mpProdConsSentinelEndsAtTheSentinelAndMainComesLast() throws Exception {
        DemoRun run = DemoRun.of("mp-prodcons-sentinel", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("消费者拿到了：(包子\\d)")).containsExactlyElementsOf(tenBaozi());
        assertThat(run.lines().getLast()).isEqualTo("主线程");
    }

    @Test
    void mpJoinableQueueOneConsumerJoinsAllTenBeforeMain() throws Exception {
        DemoRun run = DemoRun.of("mp-joinablequeue-1consumer", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("消费者拿到了 (包子\\d)")).containsExactlyElementsOf(tenBaozi());
        assertThat(run.indexOf("主线程")).isGreaterThan(run.output().lastIndexOf("消费者拿到了"));
        assertThat(run.output()).contains("one task_done() too many: taskDone() called more times");
    }

    @Test
    void mpJoinableQueueThreeConsumersTakeEachItemOnceBeforeMain() throws Exception {
        DemoRun run = DemoRun.of("mp-joinablequeue-3consumers", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("消费者\\d拿到了 (包子\\d)")).containsExactlyInAnyOrderElementsOf(tenBaozi());
        assertThat(run.all("(消费者\\d)拿到了")).allMatch(name -> name.matches("消费者[123]"));
        assertThat(run.lines().getLast()).isEqualTo("主线程");
    }

    @Test
    void mpJoinableQueueProducerProcessJoinsInItsOwnProcess() throws Exception {
        DemoRun run = DemoRun.of("mp-joinablequeue-producer-process", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("消费者\\d拿到了 (包子\\d)")).containsExactlyInAnyOrderElementsOf(tenBaozi());
        assertThat(run.all("生产者做好了 (包子\\d)")).containsExactlyElementsOf(tenBaozi());
        assertThat(run.lines().getLast()).isEqualTo("主线程");
    }

    @Test
    void mpSum8ChunksEqualsTheSerialSum() throws Exception {
        DemoRun run = DemoRun.of("mp-sum-8-chunks", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines().getFirst()).isEqualTo("5000000050000000");
        assertThat(run.output()).contains("Execution time: ");
    }

    @Test
    void mpPingPongQueueNumbersPrintsEachNumberOnceThenHangs() throws Exception {
        DemoRun run = DemoRun.of("mp-pingpong-queue-numbers", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("(\\d+): P[io]ng")).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(run.count("still blocked in q.get()")).isEqualTo(2);
        DemoRun fixed = DemoRun.of("mp-pingpong-queue-numbers", FAST, "sentinels");
        assertThat(fixed.exitCode()).isZero();
        assertThat(fixed.all("(\\d+): P[io]ng")).hasSize(10);
        assertThat(fixed.output()).doesNotContain("still blocked");
    }

    @Test
    void mpQueuePingPong1000JoinsFirstThenReadsAThousandOfEach() throws Exception {
        DemoRun run = DemoRun.of("mp-queue-ping-pong-1000", FAST);
        assertThat(run.exitCode()).isZero();
        List<String> pids = run.all("进程号: (\\d+)");
        assertThat(pids).hasSize(2).doesNotHaveDuplicates();
        String tokens = run.lines().getLast();
        assertThat(run.indexOf("子任务已经完成.")).isLessThan(run.output().lastIndexOf(tokens));
        assertThat(tokens.length()).isEqualTo(8000);
        assertThat(tokens.split("Ping", -1).length - 1).isEqualTo(1000);
        assertThat(tokens.split("Pong", -1).length - 1).isEqualTo(1000);
        DemoRun big = DemoRun.of("mp-queue-ping-pong-1000", FAST, "100000");
        assertThat(big.exitCode()).as("a count that deadlocks CPython's queue").isZero();
        assertThat(big.lines().getLast()).hasSize(800_000);
    }

    @Test
    void mpValueShowsTheChildsChanges() throws Exception {
        DemoRun run = DemoRun.of("mp-value", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("888", "b'a'", "武");
    }

    @Test
    void mpArrayShowsTheChildsChange() throws Exception {
        DemoRun run = DemoRun.of("mp-array", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("[666, 22, 33, 44]");
    }
}
