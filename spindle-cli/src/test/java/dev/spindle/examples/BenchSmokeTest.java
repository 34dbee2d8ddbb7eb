package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spindle bench} prints its figures under the names issues refer to; no timing is judged. */
class BenchSmokeTest {
    @Test
    void thePipeSuitePrintsItsFigureAsJson() throws Exception {
        DemoRun run = DemoRun.spindle("bench", "pipe", "--json", "--runs", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).containsPattern(
                "\\{\"name\":\"pipe\\.roundtrip_us\",\"value\":[0-9.]+,\"unit\":\"us\",\"runs\":5,\"min\":[0-9.]+,\"max\":[0-9.]+}");
    }

    @Test
    void theSyncSuitePrintsItsFiguresAsJson() throws Exception {
        DemoRun run = DemoRun.spindle("bench", "sync", "--json", "--runs", "1");
        assertThat(run.exitCode()).isZero();
        for (String figure : new String[] {"lock\\.uncontended_pairs_per_s", "event\\.pingpong_2proc_per_s",
                "condition\\.pingpong_2proc_per_s", "barrier\\.2proc_rounds_per_s", "lock\\.owner_death_recovery_ms"}) {
            assertThat(run.output()).containsPattern("\\{\"name\":\"" + figure + "\",\"value\":[0-9.]+,");
        }
    }

    @Test
    void onlyTheFiguresNamedByOnlyAreMeasured() throws Exception {
        DemoRun run = DemoRun.spindle("bench", "net", "--json", "--runs", "1", "--only", "subprocess\\..*");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).containsPattern(
                "\\{\"name\":\"subprocess\\.run_true_per_s\",\"value\":[0-9.]+,\"unit\":\"runs/s\",\"runs\":1,")
                .doesNotContain("ssh.").doesNotContain("socketserver.");
    }

    @Test
    void anUnknownSuiteIsAClearError() throws Exception {
        DemoRun run = DemoRun.spindle("bench", "nosuch");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown suite nosuch");
    }
}
