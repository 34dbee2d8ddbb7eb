package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observable point of each `futures` row of seed-programs.md. */
class FuturesExamplesTest {
    private static final double FAST = 0.02;

    @TempDir
    Path dir;

    @Test
    void lockedDepositsOnAThreadPoolGiveExactlyOneHundred() throws Exception {
        DemoRun run = DemoRun.of("futures-thread-pool-account", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).last().isEqualTo("100.0");
    }

    @Test
    void primeCheckKeepsInputOrderAndWritesBothTimes() throws Exception {
        Path times = dir.resolve("time.txt");
        DemoRun run = DemoRun.of("futures-prime-check", FAST, times.toString());
        assertThat(run.exitCode()).isZero();
        List<String> checked = run.all("(?m)^(\\d+) is prime: ");
        assertThat(checked).hasSize(65);
        assertThat(checked.subList(0, 13)).containsExactly("1116281", "1297337", "104395303", "472882027", "533000389",
                "817504243", "982451653", "112272535095293", "112582705942171", "112272535095293", "115280095190773",
                "115797848077099", "1099726899285419");
        assertThat(run.count("is prime: True")).isEqualTo(60);
        assertThat(run.all("(?m)^1099726899285419 is prime: (\\w+)$")).hasSize(5).containsOnly("False");
        List<String> serial = run.all("(?m)^(True|False)$");
        assertThat(serial).hasSize(65);
        assertThat(serial.stream().filter("True"::equals).count()).isEqualTo(60);
        assertThat(Files.readAllLines(times)).hasSize(2).satisfiesExactly(
                l -> assertThat(l).startsWith("main use time:"), l -> assertThat(l).startsWith("main1 use time:"));
    }

    @Test
    void shutdownWaitPrintsOneAfterAllTenOnAtMostFourWorkers() throws Exception {
        DemoRun run = DemoRun.of("ppe-shutdown-wait", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("执行 (\\d+)")).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(String::valueOf).toList());
        assertThat(new HashSet<>(run.all("执行 \\d+ \\(pid (\\d+)\\)"))).hasSizeBetween(1, 4);
        assertThat(run.lines()).last().isEqualTo("1");
    }

    @Test
    void processDoneCallbacksAllRunInMainProcessAndPrintEachResultOnce() throws Exception {
        DemoRun run = DemoRun.of("ppe-done-callback-parent", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("name=MainProcess")).isEqualTo(51); // 50 callbacks and the main line
        assertThat(run.all("(?m)^(\\d+)$")).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).mapToObj(String::valueOf).toList());
    }

    @Test
    void threadDoneCallbacksRunInWorkerThreadsAndResultsAreThereAfterShutdown() throws Exception {
        DemoRun run = DemoRun.of("tpe-done-callback", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("任务执行后的返回值 content of video-\\d.mp4 \\[(\\S+)]")).hasSize(3)
                .allSatisfy(thread -> assertThat(thread).contains("ThreadPoolWorker-"));
        assertThat(run.lines()).endsWith("content of video-1.mp4", "content of video-2.mp4", "content of video-3.mp4");
    }
}
