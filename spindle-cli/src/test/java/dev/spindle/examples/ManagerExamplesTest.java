package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The observable point of each `manager` row of seed-programs.md, the remote manager and the Listener echo. */
class ManagerExamplesTest {
    private static final double FAST = 0.02;

    @Test
    void mgrDictListShowsTheChildsChangesInTheParent() throws Exception {
        DemoRun run = DemoRun.of("mgr-dict-list", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).contains("{1=1, 2=2, 0.25=null}", "[666]");
    }

    @Test
    void mgrDictList10ProcsSeesTenDistinctPidsInTheListAndTheDict() throws Exception {
        DemoRun run = DemoRun.of("mgr-dict-list-10procs", FAST);
        assertThat(run.exitCode()).isZero();
        String list = run.lines().getLast();
        assertThat(list).startsWith("[init, ");
        var pids = java.util.Arrays.stream(list.substring(7, list.length() - 1).split(", ")).toList();
        assertThat(pids).hasSize(10).doesNotHaveDuplicates();
        String dict = run.lines().get(run.lines().size() - 2);
        assertThat(dict).startsWith("{name=egon");
        for (int i = 0; i < 10; i++) {
            assertThat(dict).containsPattern("p" + i + "=(" + String.join("|", pids) + ")\\b");
        }
    }

    @Test
    void mgrRemoteQueueCarriesAJobFromOneClientJvmToAnother() throws Exception {
        DemoRun run = DemoRun.of("mgr-remote-queue", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("put 'hello'", "got 'hello'", "clients ended with 0 and 0");
    }

    @Test
    void connectionListenerEchoSendsBackWhatTheChildSent() throws Exception {
        DemoRun run = DemoRun.of("connection-listener-echo", FAST);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).contains("client got back 1", "client got back two", "client got back [3.0]",
                "client ended with 0");
    }
}
