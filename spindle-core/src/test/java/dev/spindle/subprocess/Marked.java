package dev.spindle.subprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.testing.ClusterFixture;
import java.util.List;
import java.util.UUID;

/**
 * A {@code sleep} argument unique to one test (a thousand seconds and a random fraction), by which
 * the processes the test started are found in the whole system after their parents are gone.
 */
final class Marked {
    final String sleep = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);

    /** Every live process whose command line holds the mark (a process that has exited has none). */
    List<ProcessHandle> live() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(sleep))
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    /**
     * Asserts that no process of the test is left running and that this JVM has no live child,
     * killing what a failed test left behind.
     */
    void assertNothingLeftRunning() {
        List<ProcessHandle> left = live();
        killLeftovers();
        assertThat(left).as("processes the test started, still running").isEmpty();
        // a program nobody waited for (a pipeline's first stages) is reaped by a reaper within a moment
        try {
            dev.spindle.testing.Deadlines.await("every child has ended and been reaped", dev.spindle.testing.Deadlines.PROMPT,
                    () -> ownChildren().isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(ownChildren()).as("children").isEmpty();
    }

    /**
     * This JVM's live children, less those kept on purpose by other tests of the same test JVM: the
     * idle JVMs of the WARM start method and the shared cluster fixture's Redis and worker host.
     */
    private static List<ProcessHandle> ownChildren() {
        List<Long> idleWarm = dev.spindle.internal.launch.ChildHandle.idleWarmPids();
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> !ClusterFixture.livesWithTheTestJvm(p.pid()) && !idleWarm.contains(p.pid())).toList();
    }

    /** Kills what a failed test left running. */
    void killLeftovers() {
        live().forEach(ProcessHandle::destroyForcibly);
    }
}
