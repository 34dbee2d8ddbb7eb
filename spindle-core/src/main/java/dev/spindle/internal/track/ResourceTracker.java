package dev.spindle.internal.track;

import dev.spindle.internal.nativeio.Native;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts this JVM's tracker process ({@link TrackerMain}), which removes what this JVM and its
 * children leave in {@code /dev/shm} and the temp folder when they are killed with no chance to
 * clean up. (A normal exit cleans up in this JVM, see {@link AtExit}.)
 *
 * <p>The tracker starts with the first segment or child, on a thread of its own so that nobody
 * waits for it: a small JVM ({@link #TRACKER_OPTIONS}) started through {@code setsid --fork}, so
 * it is neither this JVM's child (killing "the parent and all its children" spares it) nor in its
 * process group or session (a signal to the group or the terminal spares it too). Children do not
 * start one for what they make (the parent's tracker sweeps it once they are gone), only when they
 * start children of their own.
 */
public final class ResourceTracker {
    /** The prefix of every name Spindle gives a file or folder outside the heap. */
    public static final String PREFIX = "spindle-";
    /** Where shared-memory segments live. */
    public static final Path SHARED_MEMORY = Path.of("/dev/shm");
    /**
     * A JVM that starts in the background and stays small: it only blocks on its stdin, then sweeps, so
     * the interpreter is enough (no compiler threads, no code cache to speak of).
     */
    static final List<String> TRACKER_OPTIONS = List.of("-Xint", "-XX:+UseSerialGC", "-Xms1m", "-Xmx8m",
            "-Xss256k", "-XX:ReservedCodeCacheSize=4m", "-XX:-UsePerfData", "-Xshare:auto");
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private static boolean started;
    /** This JVM's write end of the tracker's stdin, open until this JVM ends. */
    private static FileChannel lifeline;
    private static boolean coveredByParent;

    private ResourceTracker() {}

    /** Called by a child JVM: its parent's tracker sweeps what it makes once it is gone. */
    public static synchronized void coveredByParent() {
        coveredByParent = true;
    }

    /** A segment or folder is about to be made: the tracker must be running (in a child, the parent's is). */
    public static void resourceMade() {
        synchronized (ResourceTracker.class) {
            if (coveredByParent) {
                return;
            }
        }
        start();
    }

    /** A child is about to be started: its files are swept once it and this JVM are gone. */
    public static void childStarting() {
        start();
    }

    private static void start() {
        synchronized (ResourceTracker.class) {
            if (started) {
                return;
            }
            started = true;
        }
        BackgroundThreads.named("spindle-tracker-start").start(ResourceTracker::launch);
    }

    /**
     * The tracker's stdin is a FIFO rather than a pipe of {@link ProcessBuilder}: the JDK closes
     * such a pipe when the process it started ends, and that is {@code setsid}, at once. This JVM
     * opens the FIFO for writing first (read-write, so the open does not block), the tracker
     * inherits the read end, and the name is removed at once.
     */
    private static void launch() {
        try {
            Path fifo = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")),
                    ProcessIdentity.self().ownedName(PREFIX) + "tracker-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    .resolve("alive");
            try {
                Native.mkfifo(fifo);
                lifeline = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
                boolean detached = Files.isExecutable(SETSID);
                Process started = new ProcessBuilder(command(detached))
                        .redirectInput(ProcessBuilder.Redirect.from(fifo.toFile()))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (detached) {
                    started.waitFor(); // setsid returns once it has forked the tracker
                }
            } finally {
                OwnedFiles.delete(fifo.getParent());
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            System.getLogger(ResourceTracker.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot start Spindle's resource tracker: files of a killed program stay until the next Spindle run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> command(boolean detached) throws URISyntaxException {
        URI code = ResourceTracker.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        List<String> command = new ArrayList<>();
        if (detached) {
            command.addAll(List.of(SETSID.toString(), "--fork"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TRACKER_OPTIONS);
        if (code.getScheme().equals("jrt")) { // a run-time image that holds Spindle's module
            command.addAll(List.of("-m", ResourceTracker.class.getModule().getName() + "/" + TrackerMain.class.getName()));
        } else { // a jar or a classes folder: it needs nothing else
            command.addAll(List.of("-cp", Path.of(code).toString(), TrackerMain.class.getName()));
        }
        command.addAll(List.of(Long.toString(ProcessHandle.current().pid()), PREFIX,
                SHARED_MEMORY.toString(), System.getProperty("java.io.tmpdir")));
        return command;
    }
}
