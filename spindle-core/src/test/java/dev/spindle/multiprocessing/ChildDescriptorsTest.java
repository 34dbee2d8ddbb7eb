package dev.spindle.multiprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.sync.Event;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child's open descriptors do not grow with the number of its running siblings: nothing of one
 * child (its pipes, its control files) leaks into the next. CPython: test_child_fd_inflation.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ChildDescriptorsTest {
    private static final int SIBLINGS = 6;

    @TempDir
    Path dir;

    @AfterAll
    static void dropTheEvent() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved(); // the siblings' event goes once unreachable
    }

    static void countDescriptors(Path out) throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            Files.writeString(out, Long.toString(fds.count()));
        }
    }

    static void waitFor(Event release) throws InterruptedException {
        release.await(Deadlines.CHILD);
    }

    private long descriptorsOfANewChild(String name) throws Exception {
        Path out = dir.resolve(name);
        ChildProcess probe = new ChildProcess(ChildDescriptorsTest::countDescriptors, out);
        probe.start();
        probe.join();
        assertThat(probe.exitCode()).isZero();
        return Long.parseLong(Files.readString(out));
    }

    @Test
    void aChildStartedBesideRunningSiblingsHasNoMoreDescriptorsThanOneStartedAlone() throws Exception {
        long alone = descriptorsOfANewChild("alone");
        Event release = Context.processes().event();
        List<ChildProcess> siblings = new ArrayList<>();
        try {
            for (int i = 0; i < SIBLINGS; i++) {
                ChildProcess sibling = new ChildProcess(ChildDescriptorsTest::waitFor, release);
                sibling.start();
                siblings.add(sibling);
            }
            long beside = descriptorsOfANewChild("beside");
            // a JVM's own count may differ by a descriptor or two (a jar opened late); a leak grows per sibling
            assertThat(beside).as("descriptors beside %d siblings, against %d alone", SIBLINGS, alone)
                    .isLessThan(alone + SIBLINGS);
        } finally {
            release.set();
            for (ChildProcess sibling : siblings) {
                sibling.join();
            }
        }
    }
}
