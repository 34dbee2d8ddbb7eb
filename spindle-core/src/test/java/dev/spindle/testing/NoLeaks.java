package dev.spindle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.Spindle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test class: every child this JVM started has ended (idle WARM children aside, which
 * are kept on purpose), and no /dev/shm segment created by this JVM is left.
 */
public final class NoLeaks implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Deadlines.await("every child process has ended", Deadlines.CHILD, () -> Spindle.activeChildren().isEmpty());
        Deadlines.await("every thread process has ended", Deadlines.CHILD, () -> Context.threads().activeChildren().isEmpty());
        Deadlines.await("no busy child JVM is left", Deadlines.CHILD, () -> busyChildJvms().isEmpty());
        assertThat(ownSegments()).as("/dev/shm segments of this JVM").isEmpty();
        Deadlines.await("every pool thread has ended", Deadlines.PROMPT, () -> poolThreads().isEmpty());
    }

    /** Live threads of pools (drivers, result handlers, watchdogs, thread workers). */
    public static List<String> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("Pool-") || n.contains("PoolWorker-")).toList();
    }

    /** Child JVMs of this process that are not idle warm ones waiting for a target. */
    public static List<ProcessHandle> busyChildJvms() {
        List<Long> idle = dev.spindle.internal.launch.ChildHandle.idleWarmPids();
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> !idle.contains(p.pid()))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("ChildMain")).orElse(false))
                .toList();
    }

    /**
     * Waits until the segments of primitives (events, locks) no longer reachable are removed: they
     * live while their maker's object is reachable, so a test's are gone once the collector runs.
     */
    public static void awaitUnreachableSegmentsRemoved() throws InterruptedException {
        Deadlines.await("segments of primitives no longer reachable are removed", Deadlines.PROMPT, () -> {
            System.gc();
            try {
                return ownSegments().isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Segments in /dev/shm whose name says this JVM created them. */
    public static List<String> ownSegments() throws IOException {
        String prefix = "spindle-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> files = Files.list(Path.of("/dev/shm"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        }
    }
}
