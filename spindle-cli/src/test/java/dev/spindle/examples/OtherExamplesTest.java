package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The observable point of each `other` row of seed-programs.md: the serial baselines and the non-concurrency examples. */
class OtherExamplesTest {
    private static DemoRun ok(String id) throws Exception {
        DemoRun run = DemoRun.of(id, 0.02);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    @Test
    void serialDownloadsStartTheSecondOnlyAfterTheFirstEnds() throws Exception {
        DemoRun run = ok("serial-downloads");
        assertThat(run.output()).containsSubsequence("开始下载Python从入门到住院.pdf", "Python从入门到住院.pdf下载完成",
                "开始下载Peking Hot.avi", "Peking Hot.avi下载完成", "总共耗费了");
    }

    @Test
    void serialSumAddsOneToAHundredMillion() throws Exception {
        assertThat(ok("serial-sum").lines().getFirst()).isEqualTo("5000000050000000");
    }

    @Test
    void mapFilterComprehensionGiveTheSameSquares() throws Exception {
        assertThat(ok("map-filter-comprehension").lines()).containsExactly("[1, 9, 25, 49, 81]", "[1, 9, 25, 49, 81]");
    }

    @Test
    void decoRecordTimeKeepsTheResultAndNameAndPrintsTheTime() throws Exception {
        DemoRun run = ok("deco-record-time");
        assertThat(run.all("slow_sum: ([0-9.E-]+)秒")).hasSize(1);
        assertThat(run.output()).contains("slow_sum(1000000) = 500000500000", "slow_sum.__name__ = slow_sum",
                "slow_sum.__wrapped__(1000000) = 500000500000 (not timed)");
    }

    @Test
    void decoRecordParamCallsItsOutputOncePerCall() throws Exception {
        outputOncePerCall(ok("deco-record-param"));
    }

    @Test
    void decoRecordClassCallsItsOutputOncePerCall() throws Exception {
        outputOncePerCall(ok("deco-record-class"));
    }

    private static void outputOncePerCall(DemoRun run) {
        assertThat(run.lines()).containsExactly("slow_sum(10) = 55", "slow_sum(1000) = 500500", "slow_sum(100000) = 5000050000",
                "output was called 3 times: [slow_sum, slow_sum, slow_sum]");
    }

    @Test
    void singletonDecoratorGivesOneInstanceAndWrappedMakesNewOnes() throws Exception {
        assertThat(ok("singleton-decorator").lines()).containsExactly("President() is President(): true",
                "constructor ran 1 time(s)", "President.__wrapped__() is President(): false");
    }

    @Test
    void gcCycleIsCollected() throws Exception {
        DemoRun run = ok("gc-cycle");
        assertThat(run.output()).contains("cycle built; weakref alive: true");
        assertThat(run.all("System.gc\\(\\) call\\(s\\): weakref alive: (\\w+)")).containsExactly("false");
    }

    @Test
    void fibIteratorGivesTenNumbersThenStops() throws Exception {
        assertThat(ok("fib-iterator").lines()).containsExactly("[1, 1, 2, 3, 5, 8, 13, 21, 34, 55]",
                "next() after the end: StopIteration");
    }

    @Test
    void singletonNewIsOneObjectRenamedByTheSecondCall() throws Exception {
        DemoRun run = ok("singleton-new");
        run.assertSameEachTime("(<Singleton object at 0x[0-9a-f]+>)", 2);
        assertThat(run.output()).contains("obj1 is obj2: true; obj1.name = SB");
    }

    @Test
    void singletonModuleIsTheSameObjectAtEveryImport() throws Exception {
        DemoRun run = ok("singleton-module");
        run.assertSameEachTime("(<utils.Singleton object at 0x[0-9a-f]+>)", 2);
        assertThat(run.output()).contains("the same object: true");
    }
}
