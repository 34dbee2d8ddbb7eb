package dev.spindle.internal.launch;

import dev.spindle.internal.track.AtExit;
import dev.spindle.internal.track.OwnedFiles;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.track.ResourceTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * This JVM's private 0700 folder for its children's report files, removed at exit
 * ({@link AtExit.Phase#FILES}). When this JVM is killed, its tracker ({@link ResourceTracker})
 * removes it; folders whose owner is gone are also removed the first time a JVM makes its own.
 * Names: {@code spindle-PID-STARTTICKS-…} in java.io.tmpdir.
 */
public final class ControlDirectory {
    private static volatile Path directory;

    private ControlDirectory() {}

    /** The folder, made at the first call. */
    public static Path get() {
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
        ResourceTracker.resourceMade();
        sweepDeadOwners();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Path d = Files.createTempDirectory(tmp, ProcessIdentity.self().ownedName(ResourceTracker.PREFIX),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            AtExit.register(AtExit.Phase.FILES, () -> OwnedFiles.delete(d));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Spindle's control folder in " + tmp, e);
        }
    }

    /** Removes the control folders in java.io.tmpdir whose owner process is gone. */
    static void sweepDeadOwners() {
        OwnedFiles.sweepDeadOwners(Path.of(System.getProperty("java.io.tmpdir")), ResourceTracker.PREFIX);
    }
}
