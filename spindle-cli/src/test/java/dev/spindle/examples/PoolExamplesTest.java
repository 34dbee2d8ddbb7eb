package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The observable point of each `pool` row of seed-programs.md. */
class PoolExamplesTest {
    private static final double FAST = 0.02;

    @Test
    void applyAsyncBasicWorksOnceAndGetsFour() throws Exception {
        DemoRun run = DemoRun.of("pool-apply-async-basic", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("开工啦...")).isEqualTo(1);
        assertThat(run.lines()).last().isEqualTo("4");
    }

    @Test
    void applyAsyncTenPrintsTheMarkerAtOnceAndUsesAtMostThreeWorkers() throws Exception {
        DemoRun run = DemoRun.of("pool-apply-async-10", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.indexOf("=====>")).as("submitting does not block").isLessThan(run.indexOf("msg: hello 9"));
        assertThat(new HashSet<>(run.all("msg: hello \\d \\(pid (\\d+)\\)"))).hasSizeBetween(1, 3);
        assertThat(run.count("msg: hello")).isEqualTo(10);
        assertThat(run.output()).contains("[AsyncResult[successful], ");
        assertThat(run.all("(?m)^(hello \\d)$")).containsExactly(
                "hello 0", "hello 1", "hello 2", "hello 3", "hello 4", "hello 5", "hello 6", "hello 7", "hello 8", "hello 9");
    }

    @Test
    void applySyncRunsStrictlyInOrderAndTheMarkerComesAfter() throws Exception {
        DemoRun run = DemoRun.of("pool-apply-sync", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("msg: (hello \\d)")).containsExactly(
                "hello 0", "hello 1", "hello 2", "hello 3", "hello 4", "hello 5", "hello 6", "hello 7", "hello 8", "hello 9");
        assertThat(run.indexOf("=====>")).isGreaterThan(run.indexOf("msg: hello 9"));
        assertThat(run.output()).contains("[hello 0, hello 1, hello 2");
    }

    @Test
    void namedTasksUseAtMostFourWorkersAndFinishBeforeDone() throws Exception {
        DemoRun run = DemoRun.of("pool-named-tasks", FAST);
        assertThat(run.exitCode()).isZero();
        List<String> names = run.all("Run task (\\w+)-\\d+");
        assertThat(names).containsExactlyInAnyOrder("Lee", "Marlon", "Allen", "Frank", "Egon", "Lily");
        assertThat(new HashSet<>(run.all("Run task \\w+-(\\d+)"))).hasSizeBetween(1, 4);
        assertThat(run.count(" runs ")).isEqualTo(6);
        assertThat(run.indexOf("Waiting for all subprocesses done...")).isLessThan(run.indexOf("All subprocesses done."));
        assertThat(run.indexOf("All subprocesses done.")).isGreaterThan(run.output().lastIndexOf(" runs "));
    }

    @Test
    void collectResultsPrintsTheSquares() throws Exception {
        DemoRun run = DemoRun.of("pool-collect-results", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).last().isEqualTo("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
    }

    @Test
    void callbacksParseInTheParentProcessAndGetReturnsTheUrls() throws Exception {
        DemoRun run = DemoRun.of("pool-callback-pipeline", FAST);
        assertThat(run.exitCode()).isZero();
        String parent = run.all("\\{主进程 (\\d+)}").getFirst();
        assertThat(run.all("<进程 (\\d+)> 正在解析页面")).hasSize(6).containsOnly(parent);
        assertThat(run.all("\\(进程 (\\d+)\\) 正在下载页面")).hasSize(6).doesNotContain(parent);
        assertThat(run.indexOf("{主进程")).isGreaterThan(run.output().lastIndexOf("正在解析页面"));
        assertThat(run.all("(?m)^(http://maoyan.com/board/\\d)$")).containsExactly("http://maoyan.com/board/1",
                "http://maoyan.com/board/2", "http://maoyan.com/board/3", "http://maoyan.com/board/4",
                "http://maoyan.com/board/5", "http://maoyan.com/board/7");
    }

    @Test
    void theCrawlerPrintsOneDictPerFilmFromTheLocalPage() throws Exception {
        DemoRun run = DemoRun.of("pool-crawler-maoyan", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).contains(
                "{'index': '1', 'title': '霸王别姬', 'actor': '张国荣,张丰毅,巩俐', 'time': '1993-01-01', 'score': '9.5'}");
        assertThat(run.count("{'index': ")).isEqualTo(3);
    }

    @Test
    void aPageThatIsNotThereMakesTheCallbackFail() throws Exception {
        DemoRun run = DemoRun.of("pool-crawler-maoyan", FAST, "http://127.0.0.1:9/board/7");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.count("{'index': ")).isZero();
    }
}
