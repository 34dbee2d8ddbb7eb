package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The observable point of each `pipe` row of seed-programs.md. */
class PipeExamplesTest {
    private static final double FAST = 0.02;

    @Test
    void mpPipeDuplexSendsAListOneWayAnd666TheOther() throws Exception {
        DemoRun run = DemoRun.of("mp-pipe-duplex", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.indexOf("主进程接收： [111, 22, 33, 44]")).isLessThan(run.indexOf("子进程接收: 666"));
    }

    @Test
    void mpPipeEofDeliversZeroToNineInOrderThenEndsOnEof() throws Exception {
        DemoRun run = DemoRun.of("mp-pipe-eof", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("c1 收到包子:(\\d)")).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(run.indexOf("主进程")).isGreaterThan(run.indexOf("c1 收到包子:9"));
    }

    @Test
    void aProgramWhoseSeedPrintsChineseIsGlossedInEnglishFirst() throws Exception {
        DemoRun run = DemoRun.demo("mp-pipe-adder", "--speed", "0.02");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines().getFirst()).startsWith(DemoRun.GLOSS).contains("主进程: the main process");
    }

    @Test
    void mpPipeAdderAddsThenStopsAtEof() throws Exception {
        DemoRun run = DemoRun.of("mp-pipe-adder", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("30", "server done", "主进程");
    }
}
