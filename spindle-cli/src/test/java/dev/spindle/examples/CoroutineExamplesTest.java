package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The observable point of each generator, greenlet and gevent row of seed-programs.md, and of gevent-socket-server. */
class CoroutineExamplesTest {
    private static final double FAST = 0.02;
    /** For the rows whose order comes from sleeps of different lengths: wide enough margins between them. */
    private static final double SLEEPS_ORDER = 0.2;
    /** For gevent-requests: the first fetch's delay (0.5 s here) leaves the other two ample time to start. */
    private static final double FETCHES_OVERLAP = 0.5;

    private static List<String> courierLines(int orders) {
        List<String> lines = new ArrayList<>();
        for (int k = 1; k <= orders; k++) {
            lines.add("1号快递员准备接今天的第" + k + "单.");
            lines.add("1号快递员收到编号为PKG-" + k + "的包裹.");
        }
        lines.add("1号快递员准备接今天的第" + (orders + 1) + "单.");
        return lines;
    }

    @Test
    void genCalcAvgPrintsTheRunningAverages() throws Exception {
        DemoRun run = DemoRun.of("gen-calc-avg", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("10.0", "15.0", "20.0");
    }

    @Test
    void genDeliverManPrintsTheCouriersTwentyTwoLines() throws Exception {
        DemoRun run = DemoRun.of("gen-deliver-man", FAST);
        assertThat(run.exitCode()).isZero();
        List<String> expected = courierLines(10);
        expected.add("今天的包裹派送完毕!");
        assertThat(run.lines()).hasSize(22).isEqualTo(expected);
    }

    @Test
    void genDeliverManStatePrintsTheStatesAroundTheTranscript() throws Exception {
        DemoRun run = DemoRun.of("gen-deliver-man-state", FAST);
        assertThat(run.exitCode()).isZero();
        List<String> expected = new ArrayList<>(List.of("GEN_CREATED", "1号快递员准备接今天的第1单.", "GEN_SUSPENDED"));
        expected.addAll(courierLines(10).subList(1, 21));
        expected.addAll(List.of("GEN_CLOSED", "包裹派送完毕!"));
        assertThat(run.lines()).isEqualTo(expected);
    }

    @Test
    void genSendVsCallDoesTheSameWorkBothWaysAndPrintsBothTimes() throws Exception {
        DemoRun run = DemoRun.of("gen-send-vs-call", FAST, "20000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("run time is:[0-9.E-]+ \\((a plain call|send\\(\\)) per item")).containsExactly("a plain call", "send()");
        assertThat(run.all("sum (\\d+)\\)")).containsExactly("199990000", "199990000");
    }

    @Test
    void genFibListsTenFibonacciNumbers() throws Exception {
        DemoRun run = DemoRun.of("gen-fib", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("[1, 1, 2, 3, 5, 8, 13, 21, 34, 55]");
    }

    @Test
    void genFib20PrintsTwentyNumbersEndingAt6765() throws Exception {
        DemoRun run = DemoRun.of("gen-fib-20", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("1", "1", "2", "3", "5", "8", "13", "21", "34", "55", "89", "144", "233",
                "377", "610", "987", "1597", "2584", "4181", "6765");
    }

    @Test
    void genexprBasicsPrintsTheListThenLazyValues() throws Exception {
        DemoRun run = DemoRun.of("genexpr-basics", FAST);
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.lines();
        assertThat(lines).hasSize(22);
        assertThat(lines.get(0)).isEqualTo("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]");
        assertThat(lines.get(1)).as("a stream's repr, not its values").contains("@");
        assertThat(lines.subList(2, 12)).isEqualTo(IntStream.range(0, 10).mapToObj(x -> Integer.toString(x * x)).toList());
        assertThat(lines.get(12)).contains("@");
        assertThat(lines.subList(13, 22)).containsExactly("1", "256", "2187", "4096", "3125", "1296", "343", "64", "9");
    }

    @Test
    void greenletSwitchRunsInTheSwitchOrderAndEndsWhenTest2Ends() throws Exception {
        DemoRun run = DemoRun.of("greenlet-switch", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("test1,first", "test2,first", "test1,sencod", "test2,sencod");
    }

    @Test
    void greenletSwitchArgsPassesTheNamesOnTheFirstSwitch() throws Exception {
        DemoRun run = DemoRun.of("greenlet-switch-args", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("egon啦啦啦 eat food 1", "alex飞飞飞 play 1", "egon啦啦啦 eat food 2", "alex飞飞飞 play 2");
    }

    @Test
    void greenletSwitchOverheadDoesTheSameWorkBothWaysAndPrintsBothTimes() throws Exception {
        DemoRun run = DemoRun.of("greenlet-switch-overhead", FAST, "10000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.all("run time is: [0-9.E-]+ \\((one after the other|switching every iteration)")).containsExactly(
                "one after the other", "switching every iteration");
        assertThat(run.all("res (\\d+ \\d+)\\)")).containsExactly("49995000 0", "49995000 0");
    }

    private static void assertEatAndPlayOverlap(DemoRun run) {
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.lines().stream().filter(l -> !l.startsWith("(")).toList();
        assertThat(lines.subList(0, 2)).as("both start at once").containsExactlyInAnyOrder("eat food 1", "play phone 1");
        assertThat(lines.subList(2, 5)).as("the shorter sleep ends first; main waits for both")
                .containsExactly("play phone 2", "eat food 2", "主");
        assertThat(lines.get(5)).startsWith("took ");
    }

    @Test
    void geventSleepJoinallOverlapsTheTwoSleeps() throws Exception {
        assertEatAndPlayOverlap(DemoRun.of("gevent-sleep-joinall", SLEEPS_ORDER));
    }

    @Test
    void geventMonkeyPatchOverlapsPlainThreadSleepsWithoutPatching() throws Exception {
        DemoRun run = DemoRun.of("gevent-monkey-patch", SLEEPS_ORDER);
        assertThat(run.output()).contains("no monkey.patch_all()");
        assertEatAndPlayOverlap(run);
    }

    @Test
    void geventSyncVsAsyncRunsNineInTurnThenTenAtOnce() throws Exception {
        DemoRun run = DemoRun.of("gevent-sync-vs-async", FAST);
        assertThat(run.exitCode()).isZero();
        String sync = run.output().substring(run.indexOf("Synchronous:"), run.indexOf("Asynchronous:"));
        String async = run.output().substring(run.indexOf("Asynchronous:"));
        assertThat(sync.lines().filter(l -> l.startsWith("Task"))).containsExactly(
                "Task 1 done", "Task 2 done", "Task 3 done", "Task 4 done", "Task 5 done", "Task 6 done", "Task 7 done",
                "Task 8 done", "Task 9 done");
        assertThat(async.lines().filter(l -> l.startsWith("Task"))).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 10).mapToObj(i -> "Task " + i + " done").toList());
    }

    @Test
    void geventRequestsSendsAllThreeRequestsBeforeAnyAnswerArrives() throws Exception {
        DemoRun run = DemoRun.of("gevent-requests", FETCHES_OVERLAP);
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.subList(0, 3)).allMatch(l -> l.startsWith("GET: http://127.0.0.1:"));
        assertThat(lines.subList(3, 6)).allMatch(l -> l.matches("\\d+ bytes received from http://127\\.0\\.0\\.1:\\d+/.*"));
        assertThat(run.all("(\\d+) bytes received from .*/www.python.org/")).containsExactly("50213");
        assertThat(run.all("requests in flight at once: (\\d+)")).containsExactly("3");
        assertThat(lines.get(6)).startsWith("run time is ");
    }

    @Test
    void geventSocketServerAnswersEveryOneOfFiveHundredClients() throws Exception {
        DemoRun run = DemoRun.of("gevent-socket-server", FAST, "500", "10");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("clients answered: 500 of 500; failed: 0; wrong echoes: 0");
        assertThat(run.output()).containsPattern("client 127\\.0\\.0\\.1:\\d+ msg: b'Thread-\\d+ say hello \\d+'");
        assertThat(run.output()).containsPattern("THREAD-\\d+ SAY HELLO \\d+");
    }
}
