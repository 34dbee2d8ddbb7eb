package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seeds' prose on scaling out, run on a local Redis and worker hosts in child JVMs. */
class ClusterExamplesTest {
    @Test
    void addDelayRunsOnAWorkerHostAndItsResultComesBack() throws Exception {
        DemoRun run = DemoRun.demo("celery-add-delay");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsSubsequence("sent add(4, 4)", "result.get() = 8", "result.ready() = true",
                "of the worker host (pid").doesNotContain("!)");
    }

    @Test
    void aGroupAChainAndAChordRunOnTwoHosts() throws Exception {
        DemoRun run = DemoRun.demo("celery-canvas");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsSubsequence("worker hosts: ", "group: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]",
                "tasks per host: {", "chain: (2 + 2) * 8 = 32", "chord: sum of the group = 90");
    }

    @Test
    void aPoolExampleRunsUnchangedOnAClusterAndPrintsTheSame() throws Exception {
        DemoRun onCluster = DemoRun.demo("--cluster", "pool-crawler-maoyan");
        assertThat(onCluster.exitCode()).as(onCluster.output()).isZero();
        // what PoolExamplesTest sees it print on processes: one dict per film, in the board's order
        assertThat(onCluster.output()).containsSubsequence("{'index': '1', 'title': '霸王别姬'",
                "{'index': '2', 'title': '肖申克的救赎'", "{'index': '3', 'title': '罗马假日'");
    }

    @Test
    void joblibAndPympLoopsRunTheSameOnEveryContext() throws Exception {
        DemoRun joblib = DemoRun.demo("joblib-parallel");
        assertThat(joblib.exitCode()).as(joblib.output()).isZero();
        String roots = "[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]";
        assertThat(joblib.output()).containsSubsequence("PROCESSES: " + roots, "THREADS: " + roots, "CLUSTER: " + roots);
        DemoRun pymp = DemoRun.demo("pymp-parallel-range");
        assertThat(pymp.exitCode()).as(pymp.output()).isZero();
        String result = "100 items, result[99] = 9801, sum = 328350";
        assertThat(pymp.output()).containsSubsequence("PROCESSES: " + result, "THREADS: " + result, "CLUSTER: " + result);
    }
}
