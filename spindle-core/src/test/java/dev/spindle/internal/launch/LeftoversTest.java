package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.internal.shm.SegmentSweeper;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.multiprocessing.Connection;
import dev.spindle.multiprocessing.Pipe;
import dev.spindle.testing.Deadlines;
import dev.spindle.testing.NoLeaks;
import dev.spindle.testing.ParentJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a parent killed with SIGKILL leaves behind is removed by the next Spindle JVM's sweep. */
@ExtendWith(NoLeaks.class)
class LeftoversTest {

    /** A parent that holds a pipe shared with a running child, then waits to be killed. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            Pipe pipe = Pipe.open();
            new ChildProcess((Connection c) -> {
                c.send("up");
                Thread.sleep(600_000);
            }, pipe.right()).start();
            pipe.left().recv();
            System.out.println("ready");
            Thread.sleep(600_000);
        }
    }

    private static List<String> named(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        }
    }

    @Test
    void aKilledParentsSegmentsAndControlFolderAreSwept() throws Exception {
        long pid;
        try (ParentJvm parent = ParentJvm.start(Parent.class)) {
            Deadlines.await("the parent is ready", Deadlines.CHILD, () -> parent.output().contains("ready"));
            pid = parent.pid();
            String prefix = "spindle-" + pid + "-";
            assertThat(named(Path.of("/dev/shm"), prefix)).isNotEmpty();
            assertThat(named(Path.of(System.getProperty("java.io.tmpdir")), prefix)).isNotEmpty();
            parent.kill();
            parent.waitFor(Deadlines.PROMPT);
        }
        String prefix = "spindle-" + pid + "-";
        SegmentSweeper.sweepDeadCreators();
        ControlDirectory.sweepDeadOwners();
        assertThat(named(Path.of("/dev/shm"), prefix)).isEmpty();
        assertThat(named(Path.of(System.getProperty("java.io.tmpdir")), prefix)).isEmpty();
    }
}
