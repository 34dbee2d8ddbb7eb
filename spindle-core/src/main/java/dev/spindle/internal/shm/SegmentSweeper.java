package dev.spindle.internal.shm;

import dev.spindle.internal.track.AtExit;
import dev.spindle.internal.track.OwnedFiles;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.track.ResourceTracker;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Keeps {@code /dev/shm} clean. Segments named for this process (those it created, and those
 * others made beside them) are unlinked at exit unless their users unlinked them first
 * ({@link AtExit.Phase#FILES}, after the children are gone); one made while exiting is unlinked
 * at once. When this JVM is killed, its tracker ({@link ResourceTracker})
 * removes them. At the first creation in a JVM, segments whose creator is gone are removed too.
 */
public final class SegmentSweeper {
    private static volatile boolean released;
    private static volatile boolean swept;

    static {
        AtExit.register(AtExit.Phase.FILES, () -> {
            released = true;
            unlinkStartingWith(ProcessIdentity.self().ownedName(SharedSegment.PREFIX));
        });
    }

    private SegmentSweeper() {}

    /** A segment is about to be created by this process. */
    static void creating() {
        ResourceTracker.resourceMade();
        sweepOnce();
    }

    static void created(String name) {
        if (released) {
            unlink(name); // the exit cleanup has run: the mapping stays valid, the name must go
        }
    }

    static void unlink(String name) {
        OwnedFiles.delete(SharedSegment.DIRECTORY.resolve(name));
    }

    /** Removes every segment whose name starts with {@code prefix}. */
    static void unlinkStartingWith(String prefix) {
        unlinkStartingWith(prefix, name -> false);
    }

    private static void unlinkStartingWith(String prefix, Predicate<String> kept) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(SharedSegment.DIRECTORY, prefix + "*")) {
            for (Path entry : entries) {
                if (!kept.test(entry.getFileName().toString())) {
                    OwnedFiles.delete(entry);
                }
            }
        } catch (IOException unlistable) {
            // Nothing to remove there.
        }
    }

    /**
     * Removes the segments that {@code owner}, a process that has ended, made, except those of
     * kind {@code keptKind} (pipes, which live while another process holds an end): what it owned
     * goes with it, as when its tracker sweeps after a kill, without waiting for this JVM to end.
     */
    public static void removeLeftBy(ProcessIdentity owner, String keptKind) {
        String prefix = owner.ownedName(SharedSegment.PREFIX);
        unlinkStartingWith(prefix, name -> name.startsWith(prefix + keptKind + "-"));
    }

    /** Removes the segments of dead creators, once per JVM. */
    private static void sweepOnce() {
        if (!swept) {
            synchronized (SegmentSweeper.class) {
                if (!swept) {
                    sweepDeadCreators();
                    swept = true;
                }
            }
        }
    }

    /** Removes every Spindle segment whose creator process no longer exists. */
    public static void sweepDeadCreators() {
        for (Path file : OwnedFiles.sweepDeadOwners(SharedSegment.DIRECTORY, SharedSegment.PREFIX)) {
            System.getLogger(SegmentSweeper.class.getName()).log(System.Logger.Level.WARNING, "cannot remove the stale segment " + file);
        }
    }
}
