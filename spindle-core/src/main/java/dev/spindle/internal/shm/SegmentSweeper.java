package dev.spindle.internal.shm;

import dev.spindle.internal.track.ProcessIdentity;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code /dev/shm} clean. Segments this process created are unlinked at exit unless their
 * users unlinked them first; at the first creation in a JVM, segments whose creator process is
 * gone (killed with SIGKILL, say) are removed. Children never outlive their parent, so a dead
 * creator's segments have no users left.
 */
public final class SegmentSweeper {
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile boolean swept;

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("spindle-shm-cleanup").unstarted(
                () -> CREATED.forEach(SegmentSweeper::unlink)));
    }

    private SegmentSweeper() {}

    static void created(String name) {
        CREATED.add(name);
    }

    static void unlink(String name) {
        CREATED.remove(name);
        try {
            Files.deleteIfExists(SharedSegment.DIRECTORY.resolve(name));
        } catch (IOException ignored) {
            // Already gone or not ours: nothing left to clean.
        }
    }

    /** Removes the segments of dead creators, once per JVM. */
    static void sweepOnce() {
        if (!swept) {
            synchronized (SegmentSweeper.class) {
                if (!swept) {
                    sweepDeadCreators();
                    swept = true;
                }
            }
        }
    }

    /** One file that cannot be removed (another user's, say) must not stop the sweep of the rest. */
    private static void deleteOrLog(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LoggerFactory.getLogger(SegmentSweeper.class).warn("cannot remove the stale segment {}", file, e);
        }
    }

    /** Removes every Spindle segment whose creator process no longer exists. */
    public static void sweepDeadCreators() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(SharedSegment.DIRECTORY, SharedSegment.PREFIX + "*")) {
            for (Path file : files) {
                if (ProcessIdentity.ownerGone(file.getFileName().toString(), SharedSegment.PREFIX)) {
                    deleteOrLog(file);
                }
            }
        } catch (IOException ignored) {
            // No /dev/shm listing: nothing we can sweep.
        }
    }
}
