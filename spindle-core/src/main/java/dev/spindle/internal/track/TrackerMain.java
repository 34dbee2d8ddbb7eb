package dev.spindle.internal.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The tracker process ({@link ResourceTracker}), CPython's {@code resource_tracker}: outlives a
 * Spindle JVM killed with SIGKILL, together with its children, and removes the files they left.
 *
 * <p>Arguments: {@code PARENT_PID PREFIX DIRECTORY...}. Its stdin is a FIFO whose only write end
 * the parent holds, so EOF on it means the parent has ended, however it ended; until then it
 * blocks, costing nothing. Then, every {@link #SWEEP_EVERY_NANOS} for {@link #SWEEPS} sweeps, it
 * removes from each directory the entries named with the prefix whose
 * owner is gone ({@link OwnedFiles}), and exits. An entry whose owner still lives is never
 * touched; the parent's children die with it (the kernel's parent-death signal, or EOF on their
 * stdin), and the later sweeps take what they made. A parent that exited normally has cleaned up
 * already, so the sweeps find nothing.
 */
public final class TrackerMain {
    private static final long SWEEP_EVERY_NANOS = 100_000_000;
    private static final int SWEEPS = 10;

    private TrackerMain() {}

    public static void main(String[] args) {
        String prefix = args[1]; // args[0], the parent's pid, is there for ps and tests
        List<Path> directories = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            directories.add(Path.of(args[i]));
        }
        awaitEnd();
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (Path directory : directories) {
                OwnedFiles.sweepDeadOwners(directory, prefix);
            }
            LockSupport.parkNanos(SWEEP_EVERY_NANOS);
        }
    }

    /** Reads stdin to its end: the parent holds the only write end, which closes when it ends. */
    private static void awaitEnd() {
        byte[] buffer = new byte[64];
        try {
            while (System.in.read(buffer) >= 0) {
                // The parent writes nothing: EOF is the message.
            }
        } catch (IOException gone) {
            // As good as EOF.
        }
    }
}
