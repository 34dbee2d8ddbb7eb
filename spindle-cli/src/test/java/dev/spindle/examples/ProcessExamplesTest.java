package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The observable point of each `process` row of seed-programs.md. */
class ProcessExamplesTest {
    private static final double FAST = 0.02;

    @Test
    void mpDownloadsRunsBothDownloadsAtOnceInTwoOtherProcesses() throws Exception {
        // The overlap is the point, so each download must outlast a child start on a loaded
        // machine: at 0.02 the shortest is 0.1 s and CI saw a cold spawn take longer than that.
        DemoRun run = DemoRun.of("mp-downloads", 0.3);
        assertThat(run.exitCode()).isZero();
        List<String> starts = run.all("(开始下载.*)\\.\\.\\.");
        assertThat(starts).hasSize(2);
        int lastStart = Math.max(run.indexOf("开始下载Python"), run.indexOf("开始下载Peking"));
        assertThat(lastStart).as("both starts come before either end").isLessThan(run.indexOf("下载完成"));
        List<String> pids = run.all("进程号\\[(\\d+)]");
        assertThat(pids).hasSize(3).doesNotHaveDuplicates();
        assertThat(run.output()).contains("总共耗费了");
    }

    @Test
    void mpPingPongGlobalPrintsTenOfEachBecauseEachProcessHasItsOwnCounter() throws Exception {
        DemoRun run = DemoRun.of("mp-pingpong-global", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.count("Ping")).isEqualTo(10);
        assertThat(run.count("Pong")).isEqualTo(10);
    }

    @Test
    void mpForkUnflushedBufferCannotSendTheFileAndDuplicatesNothing() throws Exception {
        DemoRun run = DemoRun.of("mp-fork-unflushed-buffer", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("java.io.BufferedWriter is not serializable", "captured argument 0");
        assertThat(run.lines()).contains("[]");
        assertThat(run.output()).endsWith("x1.txt:\nalex\n武沛齐\n");
    }

    @Test
    void mpForkFlushedBufferHasTheParentsLineThenTheChilds() throws Exception {
        DemoRun run = DemoRun.of("mp-fork-flushed-buffer", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).endsWith("x1.txt:\n武沛齐\nalex\n");
    }

    @Test
    void mpForkHeldLockShowsTheChildsCopyIsFreeWhileTheParentHoldsItsLock() throws Exception {
        DemoRun run = DemoRun.of("mp-fork-held-lock", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("子进程拿到的锁被占用吗? false");
        assertThat(run.count("来了")).isEqualTo(10);
        assertThat(run.count("666")).isEqualTo(10);
        assertThat(run.indexOf("父进程仍持有自己的锁: true")).isGreaterThan(run.output().lastIndexOf("666"));
    }

    @Test
    void mpNameThreadsSpawnShowsTheNameTheParentAndElevenThreads() throws Exception {
        // The count is taken while the ten threads sleep: at 0.02 they slept 60 ms, and a loaded
        // machine (the suite in two JVMs) counted after they had ended ("线程个数 1").
        DemoRun run = DemoRun.of("mp-name-threads-spawn", 0.3);
        assertThat(run.exitCode()).isZero();
        String parentPid = run.lines().getFirst();
        assertThat(run.indexOf("继续执行...")).isLessThan(run.indexOf("线程个数"));
        assertThat(run.all("\\n(\\d+ \\d+)\\n")).singleElement().satisfies(pids -> {
            String[] both = pids.split(" ");
            assertThat(both[1]).isEqualTo(parentPid);
            assertThat(both[0]).isNotEqualTo(parentPid);
        });
        assertThat(run.output()).contains("线程个数 11", "当前进程的名称： 哈哈哈哈");
    }

    @Test
    void mpSubclassArgsRunsTheSubclassWithItsArgsAfterTheParentGoesOn() throws Exception {
        DemoRun run = DemoRun.of("mp-subclass-args", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.indexOf("继续执行...")).isLessThan(run.indexOf("执行此进程 ('xxx',)"));
    }

    private static void assertFourPiaos(DemoRun run, String... names) {
        assertThat(run.exitCode()).isZero();
        int main = run.indexOf("主线程");
        for (String name : names) {
            int start = run.indexOf(name + " piaoing");
            assertThat(main).as("main goes on before " + name + " starts").isLessThan(start);
            assertThat(start).isLessThan(run.indexOf(name + " piao end"));
        }
    }

    @Test
    void mpStartFunctionStartsFourProcessesAndMainGoesOnAtOnce() throws Exception {
        assertFourPiaos(DemoRun.of("mp-start-function", FAST), "egon", "alex", "wupeqi", "yuanhao");
    }

    @Test
    void mpStartSubclassDoesTheSameWithNamedSubclasses() throws Exception {
        assertFourPiaos(DemoRun.of("mp-start-subclass", FAST), "egon", "alex", "wupeiqi", "yuanhao");
    }

    @Test
    void mpTerminateIsAliveShowsTerminateIsAsynchronousAndEndsWithMinus15() throws Exception {
        DemoRun run = DemoRun.of("mp-terminate-is-alive", 1);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsSubsequence("true", "开始", "false", "exitcode -15");
        assertThat(run.output()).doesNotContain("piao end");
    }

    @Test
    void mpDaemonJoinTimeoutKillsTheDaemonWhenTheParentEnds() throws Exception {
        DemoRun run = DemoRun.of("mp-daemon-join-timeout", 1);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("开始").doesNotContain("piao end");
    }

    @Test
    void mpJoinAllParallelJoinsAfterAllEndedAndTheProcessesOverlapped() throws Exception {
        DemoRun run = DemoRun.of("mp-join-all-parallel", 0.5);
        assertThat(run.exitCode()).isZero();
        assertThat(run.indexOf("主线程")).isGreaterThan(run.output().lastIndexOf("piao end"));
        List<Long> starts = run.all("piaoing at (\\d+)").stream().map(Long::parseLong).toList();
        List<Long> ends = run.all("piao end at (\\d+)").stream().map(Long::parseLong).toList();
        assertThat(starts).hasSize(4);
        assertThat(ends).hasSize(4);
        assertThat(starts.stream().max(Long::compare).orElseThrow())
                .as("some process started before another had ended: they ran at the same time")
                .isLessThan(ends.stream().max(Long::compare).orElseThrow());
        assertThat(starts.stream().sorted().toList().get(1)).isLessThan(ends.stream().min(Long::compare).orElseThrow());
    }

    @Test
    void mpNamePidKnowsThePidRightAfterStart() throws Exception {
        DemoRun run = DemoRun.of("mp-name-pid", FAST);
        assertThat(run.exitCode()).isZero();
        String childPid = run.lines().get(run.lines().indexOf("开始") + 1);
        assertThat(childPid).matches("\\d+").isNotEqualTo(run.all("主进程 pid (\\d+)").getFirst());
        assertThat(run.output()).contains("egon is piaoing", "egon is piao end");
    }

    @Test
    void mpSharedTerminalPrintsEveryNameOnce() throws Exception {
        DemoRun run = DemoRun.of("mp-shared-terminal", FAST, "20");
        assertThat(run.exitCode()).isZero();
        List<String> names = run.all("(ChildProcess-\\d+)");
        assertThat(names).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void mpSharedFileWritesEachDigitOnce() throws Exception {
        DemoRun run = DemoRun.of("mp-shared-file", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("is not serializable");
        String digits = run.all("a\\.txt: (\\d*)").getFirst();
        assertThat(digits.chars().sorted().mapToObj(c -> String.valueOf((char) c)).toList())
                .containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void threadVsProcessStartupShowsAThreadStartsFasterThanAProcess() throws Exception {
        DemoRun run = DemoRun.of("thread-vs-process-startup", FAST);
        assertThat(run.exitCode()).isZero();
        long thread = Long.parseLong(run.all("thread started in (\\d+) us").getFirst());
        long process = Long.parseLong(run.all("process in (\\d+) us").getFirst());
        assertThat(thread).isLessThan(process);
        assertThat(run.count("hello")).isEqualTo(2);
    }

    @Test
    void threadVsProcessPidShowsThreadsShareThePidAndProcessesDoNot() throws Exception {
        DemoRun run = DemoRun.of("thread-vs-process-pid", FAST);
        assertThat(run.exitCode()).isZero();
        String parent = run.all("主线程/主进程pid (\\d+)").getFirst();
        assertThat(run.all("hello thread (\\d+)")).containsExactly(parent, parent);
        assertThat(run.all("hello process (\\d+)")).hasSize(2).doesNotHaveDuplicates().doesNotContain(parent);
    }
}
