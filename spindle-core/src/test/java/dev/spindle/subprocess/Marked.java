package dev.spindle.subprocess;

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

    /** Kills what a failed test left running. */
    void killLeftovers() {
        live().forEach(ProcessHandle::destroyForcibly);
    }
}
