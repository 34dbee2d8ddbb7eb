package dev.spindle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spindle dashboard}: its demonstration serves and stops; a cluster it cannot reach is a clear error. */
class DashboardCommandTest {
    @Test
    void theDemonstrationPrintsItsAddressAndStopsWhenItsTimeIsUp() throws Exception {
        DemoRun run = DemoRun.spindle("dashboard", "--demo", "--seconds", "2");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("Spindle dashboard on http://127\\.0\\.0\\.1:[0-9]+/");
    }

    @Test
    void aClusterThatCannotBeReachedIsAClearError() throws Exception {
        DemoRun run = DemoRun.spindle("dashboard", "--redis", "redis://127.0.0.1:1", "--seconds", "1");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("127.0.0.1:1").doesNotContain("\tat ");
    }

    @Test
    void itNeedsASource() throws Exception {
        DemoRun run = DemoRun.spindle("dashboard");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("--redis").contains("--demo");
    }
}
