package dev.spindle.internal.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep removes what dead owners left, folders with their content, and nothing else. */
class OwnedFilesTest {
    /** A pid that no process has: above the kernel's pid_max. */
    private static final long NO_SUCH_PID = 99_999_999L;
    private static final String PREFIX = ResourceTracker.PREFIX;

    @Test
    void deadOwnersEntriesGoAndEveryOtherEntryStays(@TempDir Path dir) throws IOException {
        String dead = new ProcessIdentity(NO_SUCH_PID, 1).ownedName(PREFIX);
        Path deadFolder = Files.createDirectories(dir.resolve(dead + "control").resolve("inner"));
        Files.writeString(deadFolder.resolve("child-1.report"), "x");
        Path[] deadFiles = new Path[6];
        for (int i = 0; i < deadFiles.length; i++) {
            deadFiles[i] = Files.writeString(dir.resolve(dead + "pipe-" + i), "x");
        }
        Path mine = Files.writeString(dir.resolve(ProcessIdentity.self().ownedName(PREFIX) + "pipe-0"), "x");
        // Our pid with another start time: a process that had our pid before us, long gone.
        Path reusedPid = Files.writeString(dir.resolve(new ProcessIdentity(ProcessIdentity.self().pid(), 1).ownedName(PREFIX) + "x"), "x");
        Path notOwned = Files.writeString(dir.resolve(PREFIX + "cache-x"), "x");
        Path otherPrefix = Files.writeString(dir.resolve("other-" + NO_SUCH_PID + "-1-x"), "x");

        assertThat(OwnedFiles.sweepDeadOwners(dir, PREFIX)).isEmpty();

        assertThat(dir.resolve(dead + "control")).doesNotExist();
        assertThat(deadFiles).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(reusedPid).doesNotExist();
        assertThat(mine).exists();
        assertThat(notOwned).exists();
        assertThat(otherPrefix).exists();
    }

    @Test
    void aMissingDirectoryIsNothingToSweep(@TempDir Path dir) {
        assertThat(OwnedFiles.sweepDeadOwners(dir.resolve("absent"), PREFIX)).isEmpty();
        assertThat(OwnedFiles.delete(dir.resolve("absent"))).isTrue();
    }
}
