package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The observable point of the `subprocess` row of seed-programs.md. */
class SubprocessExamplesTest {
    @Test
    void eachArgumentRunsInTurnWithItsOutputInheritedAndAMissingOneIsReported() throws Exception {
        DemoRun run = DemoRun.of("subprocess-call-argv", 1, "uname", "no-such-program-spindle", "pwd", "false", "true");
        assertThat(run.exitCode()).as(run.output()).isZero();
        // each program wrote to the demo's own stdout, in the order given, and the loop went on past the missing one
        assertThat(run.lines()).containsExactly("Linux", "不能执行no-such-program-spindle命令", System.getProperty("user.dir"));
    }

    @Test
    void anArgumentIsAProgramNotACommandLine() throws Exception {
        DemoRun run = DemoRun.of("subprocess-call-argv", 1, "echo hello");
        assertThat(run.lines()).containsExactly("不能执行echo hello命令");
    }

    @Test
    void withoutArgumentsItAsksForThem() throws Exception {
        DemoRun run = DemoRun.of("subprocess-call-argv", 1);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("请使用命令行参数指定要执行的进程");
    }
}
