package dev.spindle.internal.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep of dead creators' segments goes on past an entry it cannot remove. */
class SegmentSweeperTest {
    /** A pid that no process has: above the kernel's pid_max. */
    private static final long NO_SUCH_PID = 99_999_999L;

    @Test
    void anEntryThatCannotBeRemovedDoesNotStopTheSweep() throws IOException {
        String owner = SharedSegment.PREFIX + NO_SUCH_PID + "-1-";
        Path stuck = SharedSegment.DIRECTORY.resolve(owner + "stuck");
        List<Path> stale = new ArrayList<>();
        try {
            // A non-empty folder: deleting it fails, as an entry of another user's would.
            Files.createDirectories(stuck);
            Files.writeString(stuck.resolve("inside"), "x");
            for (int i = 0; i < 6; i++) {
                stale.add(Files.writeString(SharedSegment.DIRECTORY.resolve(owner + "pipe-" + i), "x"));
            }
            SegmentSweeper.sweepDeadCreators();
            assertThat(stale).allSatisfy(p -> assertThat(p).doesNotExist());
            assertThat(stuck).exists();
        } finally {
            Files.deleteIfExists(stuck.resolve("inside"));
            Files.deleteIfExists(stuck);
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }
}
