package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The observable point of each `queue-thread` row of seed-programs.md. */
class ThreadQueueExamplesTest {
    @Test
    void threadQueueDrainProcessesEachItemExactlyOnceAndEveryThreadEnds() throws Exception {
        DemoRun run = DemoRun.of("thread-queue-drain", 0.02);
        assertThat(run.exitCode()).isZero();
        List<String> items = run.lines().stream().filter(l -> l.matches("\\d+")).toList();
        assertThat(items).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).mapToObj(String::valueOf).toList());
        assertThat(run.lines().getLast()).isEqualTo("processed 100 items; each of 0–99 exactly once: true");
    }

    @Test
    void queueFifoGivesTheItemsBackInOrder() throws Exception {
        DemoRun run = DemoRun.of("queue-fifo", 0.02);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("first", "second", "third");
    }

    @Test
    void queueLifoGivesTheNewestFirst() throws Exception {
        DemoRun run = DemoRun.of("queue-lifo", 0.02);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("third", "second", "first");
    }

    @Test
    void queuePriorityGivesTheSmallestFirst() throws Exception {
        DemoRun run = DemoRun.of("queue-priority", 0.02);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("(10, 'b')", "(20, 'a')", "(30, 'c')");
    }
}
