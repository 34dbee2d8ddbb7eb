package dev.spindle.internal.launch;

import dev.spindle.internal.track.ProcessIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * This JVM's private 0700 folder for its children's report files, removed at exit. Folders left
 * by parents that died without cleaning up (SIGKILL) are removed the first time a JVM makes its
 * own. Names: {@code spindle-PID-STARTTICKS-…} in java.io.tmpdir.
 */
final class ControlDirectory {
    private static final String PREFIX = "spindle-";
    private static volatile Path directory;

    private ControlDirectory() {}

    static Path get() {
        Path d = directory;
        if (d == null) {
            synchronized (ControlDirectory.class) {
                d = directory;
                if (d == null) {
                    d = directory = create();
                }
            }
        }
        return d;
    }

    private static Path create() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        sweepDeadOwners(tmp);
        try {
            Path d = Files.createTempDirectory(tmp, ProcessIdentity.self().ownedName(PREFIX),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> delete(d)));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Spindle's control folder in " + tmp, e);
        }
    }

    /** Removes the control folders in java.io.tmpdir whose owner process is gone. */
    static void sweepDeadOwners() {
        sweepDeadOwners(Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static void sweepDeadOwners(Path tmp) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path folder : folders) {
                if (ProcessIdentity.ownerGone(folder.getFileName().toString(), PREFIX)) {
                    delete(folder);
                }
            }
        } catch (IOException ignored) {
            // tmp not listable: nothing to sweep
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
