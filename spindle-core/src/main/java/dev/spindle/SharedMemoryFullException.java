package dev.spindle;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Shared memory ({@code /dev/shm}) had no room for what a call needed: a pipe, a queue or one of
 * its large items, a lock, a pool's worker channels. Thrown at that call ({@code Pipe.open},
 * {@code put}, {@code send}, {@code submit}, making a primitive), never later as a crash: Spindle
 * reserves a segment's memory when it makes it. Nothing that failed is left behind, and the object
 * and everything else go on working once there is room again. The cause is a
 * {@link FileSystemException} naming the file. Containers get a small {@code /dev/shm} (Docker's
 * default is 64 MB): give them more ({@code docker run --shm-size=1g}).
 */
public class SharedMemoryFullException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;
    private final long needed;

    /** No room for {@code needed} bytes at {@code path}. */
    public SharedMemoryFullException(Path path, long needed) {
        super(message(path, needed), new FileSystemException(path.toString(), null, "No space left on device"));
        this.needed = needed;
    }

    /** How many bytes the call needed. */
    public long needed() {
        return needed;
    }

    private static String message(Path path, long needed) {
        String free = "";
        try {
            var store = java.nio.file.Files.getFileStore(path.getParent());
            free = " (" + store.getUsableSpace() + " of " + store.getTotalSpace() + " bytes free there)";
        } catch (java.io.IOException | RuntimeException unknown) {
            // the sentence goes without it
        }
        return "shared memory is full: no room for " + needed + " bytes in " + path.getParent() + free
                + " for " + path.getFileName() + "; free some (close pipes, drop queues and pools) or give "
                + path.getParent() + " more room (Docker: --shm-size)";
    }
}
