package dev.spindle.internal.track;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files and folders named for their owner ({@link ProcessIdentity#ownedName}): the one sweep that
 * {@code /dev/shm} segments and control folders share, in this JVM and in the
 * {@linkplain TrackerMain tracker}.
 */
public final class OwnedFiles {
    /**
     * The kind of an owned link to a file beside it that its owner answers for (a tracked shared
     * memory block of any name): removing the link removes that file first.
     */
    public static final String TRACKED = "tracked";

    private OwnedFiles() {}

    /**
     * Removes every entry of {@code directory} named with {@code prefix} whose owner process is
     * gone, folders with their content.
     *
     * @return the entries that could not be removed (another user's, say); one of them does not
     *         stop the sweep of the rest
     */
    public static List<Path> sweepDeadOwners(Path directory, String prefix) {
        List<Path> left = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path entry : entries) {
                if (ProcessIdentity.ownerGone(entry.getFileName().toString(), prefix) && !delete(entry)) {
                    left.add(entry);
                }
            }
        } catch (IOException unlistable) {
            // Nothing we can sweep there.
        }
        return left;
    }

    /**
     * Removes a file, or a folder and all it holds; true if nothing of it is left. A file (a
     * segment, on every pipe close) costs one unlink; only a folder with content is walked.
     */
    public static boolean delete(Path entry) {
        if (entry.getFileName().toString().contains("-" + TRACKED + "-")) {
            deleteTarget(entry);
        }
        try {
            Files.deleteIfExists(entry);
            return true;
        } catch (DirectoryNotEmptyException folder) {
            // walked below
        } catch (IOException | RuntimeException notRemoved) {
            return !Files.exists(entry, LinkOption.NOFOLLOW_LINKS);
        }
        try (Stream<Path> files = Files.walk(entry)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException gone) {
            // Already gone, or not walkable: the check below tells which.
        }
        return !Files.exists(entry, LinkOption.NOFOLLOW_LINKS);
    }

    /** Removes the file beside it that the link {@code mark} names (only beside it: a link is no way out of its folder). */
    private static void deleteTarget(Path mark) {
        try {
            Path target = Files.readSymbolicLink(mark);
            if (target.getNameCount() == 1 && !target.isAbsolute()) {
                Files.deleteIfExists(mark.resolveSibling(target));
            }
        } catch (IOException | RuntimeException notALinkOrGone) {
            // Nothing of it to remove.
        }
    }
}
