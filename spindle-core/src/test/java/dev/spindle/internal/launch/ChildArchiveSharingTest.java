package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.Context;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.queue.Queue;
import dev.spindle.testing.NoLeaks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A child maps its class data archive (the JDK's CDS archive, or Spindle's AOT cache) where the
 * archive asks, so the archive's read-only part stays clean file pages that every child shares,
 * instead of a private copy that relocating it writes (JDK 20 and later relocate by default). A
 * user's options may ask for relocation again.
 */
@ExtendWith(NoLeaks.class)
@SuppressWarnings("serial") // the targets are serializable method references
class ChildArchiveSharingTest {
    @AfterEach
    void dropQueues() throws InterruptedException {
        NoLeaks.awaitUnreachableSegmentsRemoved();
    }

    /** Tells the kilobytes of its class data archive that are mapped read-only and not written. */
    static void tellsItsCleanArchiveKilobytes(Queue<Long> answer) throws IOException, InterruptedException {
        answer.put(cleanReadOnlyArchiveKilobytes(Files.readAllLines(Path.of("/proc/self/smaps"))));
    }

    /** In {@code smaps}: the Rss of read-only mappings of a {@code .jsa} or {@code .aot} file that have no dirty page. */
    static long cleanReadOnlyArchiveKilobytes(List<String> smaps) {
        long clean = 0;
        boolean archive = false;
        long rss = 0;
        for (String line : smaps) {
            String[] fields = line.trim().split("\\s+");
            if (fields[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                archive = fields.length >= 6 && fields[1].startsWith("r-") && fields[5].matches(".*\\.(jsa|aot)");
            } else if (archive && fields[0].equals("Rss:")) {
                rss = Long.parseLong(fields[1]);
            } else if (archive && fields[0].equals("Private_Dirty:") && Long.parseLong(fields[1]) == 0) {
                clean += rss;
            }
        }
        return clean;
    }

    private static long cleanArchiveKilobytesOf(Queue<Long> answer, String... options) throws InterruptedException {
        return ChildAnswer.of(
                new ChildProcess(ChildArchiveSharingTest::tellsItsCleanArchiveKilobytes, answer).jvmOptions(options), answer);
    }

    @Test
    @Timeout(60)
    void aChildsArchiveStaysSharedUnlessItsOptionsAskForRelocation() throws Exception {
        Queue<Long> answer = Context.processes().queue();
        assertThat(cleanArchiveKilobytesOf(answer)).as("clean read-only archive pages, in KB").isGreaterThan(1024);
        assertThat(cleanArchiveKilobytesOf(answer, "-XX:ArchiveRelocationMode=1")).isZero();
    }
}
