package dev.spindle.internal.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.multiprocessing.Pool;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import dev.spindle.testing.ParentJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing a program makes outside the heap outlives it: 2 s after it ends — returning without
 * closing its pool, killed, or killed together with all its children — no file of it is left in
 * {@code /dev/shm} or the temp folder, with no other Spindle run to sweep them.
 */
@ExtendWith(NoLeaks.class)
class ResourceTrackerTest {
    private static final Duration PROMISED = Duration.ofSeconds(2);
    private static final Path SHM = Path.of("/dev/shm");
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    static int square(int x) {
        return x * x;
    }

    /**
     * A parent with a pool of two workers that has run tasks, and a child sharing a pipe with it.
     * {@code return}: main then returns, with neither closed. {@code wait}: it waits to be killed.
     */
    public static final class Parent {
        @SuppressWarnings("serial")
        public static void main(String[] args) throws Exception {
            Pool pool = Pool.of(2);
            System.out.println(pool.map(ResourceTrackerTest::square, List.of(1, 2, 3)));
            Pipe pipe = Pipe.open();
            boolean wait = args[0].equals("wait");
            ChildProcess child = new ChildProcess((Connection c) -> {
                c.send("up");
                if (c.recv().equals("wait")) {
                    Thread.sleep(600_000);
                }
            }, pipe.right());
            child.start();
            pipe.left().recv();
            pipe.left().send(args[0]);
            System.out.println("ready");
            if (wait) {
                Thread.sleep(600_000);
            }
        }
    }

    @Test
    void aMainThatReturnsWithoutClosingItsPoolLeavesNothing() throws Exception {
        for (int run = 0; run < 3; run++) { // the race this closed showed in 4 runs of 14
            try (ParentJvm parent = ParentJvm.start(Parent.class, "return")) {
                assertThat(parent.waitFor(Deadlines.CHILD)).as(parent.output()).isZero();
                assertThat(parent.output()).contains("[1, 4, 9]", "ready");
                assertNothingLeftBy(parent.pid());
            }
        }
    }

    @Test
    void aKilledParentLeavesNothing() throws Exception {
        try (ParentJvm parent = ParentJvm.start(Parent.class, "wait")) {
            long tracker = readyWithTracker(parent);
            parent.kill();
            parent.waitFor(Deadlines.PROMPT);
            assertNothingLeftBy(parent.pid());
            Deadlines.await("the tracker has ended", Deadlines.PROMPT, () -> ProcessHandle.of(tracker).isEmpty());
        }
    }

    @Test
    void aParentKilledWithAllItsChildrenAtOnceLeavesNothing() throws Exception {
        try (ParentJvm parent = ParentJvm.start(Parent.class, "wait")) {
            long tracker = readyWithTracker(parent);
            List<String> kill = new ArrayList<>(List.of("kill", "-KILL", Long.toString(parent.pid())));
            ProcessHandle.of(parent.pid()).orElseThrow().descendants().forEach(p -> kill.add(Long.toString(p.pid())));
            assertThat(kill).as("the pool's two workers and the child").hasSizeGreaterThanOrEqualTo(6);
            assertThat(new ProcessBuilder(kill).inheritIO().start().waitFor()).isZero();
            parent.waitFor(Deadlines.PROMPT);
            assertNothingLeftBy(parent.pid());
            Deadlines.await("the tracker has ended", Deadlines.PROMPT, () -> ProcessHandle.of(tracker).isEmpty());
        }
    }

    /**
     * Waits for the parent to be ready and for its tracker, which must be neither its child nor
     * a descendant (so killing all of those spares it); returns the tracker's pid.
     */
    private static long readyWithTracker(ParentJvm parent) throws InterruptedException {
        Deadlines.await("the parent is ready", Deadlines.CHILD, () -> parent.output().contains("ready"));
        Deadlines.await("the parent's tracker runs", Deadlines.CHILD, () -> trackerOf(parent.pid()).isPresent());
        ProcessHandle tracker = trackerOf(parent.pid()).orElseThrow();
        assertThat(ProcessHandle.of(parent.pid()).orElseThrow().descendants()).doesNotContain(tracker);
        return tracker.pid();
    }

    private static Optional<ProcessHandle> trackerOf(long parentPid) {
        String args = TrackerMain.class.getName() + " " + parentPid + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(args)).orElse(false))
                .findFirst();
    }

    private static void assertNothingLeftBy(long pid) throws InterruptedException {
        String prefix = ResourceTracker.PREFIX + pid + "-";
        Deadlines.await("no file of " + pid + " is left in /dev/shm or " + TMP, PROMISED,
                () -> named(SHM, prefix).isEmpty() && named(TMP, prefix).isEmpty());
    }

    private static List<String> named(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
