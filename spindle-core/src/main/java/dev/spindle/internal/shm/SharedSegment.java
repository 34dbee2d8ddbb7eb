package dev.spindle.internal.shm;

import dev.spindle.SharedMemoryFullException;
import dev.spindle.internal.nativeio.Native;
import dev.spindle.internal.track.OwnedFiles;
import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.track.ResourceTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A file in {@code /dev/shm} mapped into this process. Names carry the creator's identity
 * ({@code spindle-PID-STARTTICKS-KIND-RANDOM}) so that {@link SegmentSweeper} can remove the
 * segments of creators that died without cleaning up. {@link #close()} unmaps once every user of
 * the mapping has closed it; {@link #unlink()} removes the name (other mappings stay valid).
 */
public final class SharedSegment implements AutoCloseable {
    /** Where segments live. */
    public static final Path DIRECTORY = ResourceTracker.SHARED_MEMORY;
    /** Prefix of every Spindle segment name. */
    public static final String PREFIX = ResourceTracker.PREFIX;

    private final String name;
    private final Arena arena;
    private final MemorySegment memory;
    /** Users of this mapping in this process; the last {@link #close()} unmaps. */
    private final AtomicInteger users = new AtomicInteger(1);

    private SharedSegment(String name, Arena arena, MemorySegment memory) {
        this.name = name;
        this.arena = arena;
        this.memory = memory;
    }

    /** Creates and maps a new zero-filled segment of {@code size} bytes, registered for cleanup. */
    public static SharedSegment create(String kind, long size) {
        SegmentSweeper.creating();
        SharedSegment segment = createFile(randomName(ProcessIdentity.self().ownedName(PREFIX) + kind), size);
        SegmentSweeper.created(segment.name);
        return segment;
    }

    /**
     * Creates and maps a new segment named after the segment {@code besideName}, which may be
     * another process's: it belongs to that segment's owner, not to this process, and goes with
     * it ({@link #unlinkWithBeside}, the owner's exit, or its tracker). Its users unlink it when
     * they are done with it. For data that must outlive the process that wrote it (a queue's
     * item too large for its ring, put by a producer that may exit at once).
     */
    public static SharedSegment createBeside(String besideName, String kind, long size) {
        SegmentSweeper.creating();
        return createFile(randomName(besideName + "-" + kind), size);
    }

    /**
     * Creates and maps a segment of exactly the name {@code name}, which no Spindle cleanup
     * touches: it stays until someone {@link #unlink}s it (Python's named shared memory, with
     * {@code track=False}).
     *
     * @throws java.nio.file.FileAlreadyExistsException if a segment of that name exists
     * @throws IllegalArgumentException if {@code name} is not a plain file name
     */
    public static SharedSegment createNamed(String name, long size) throws IOException {
        checkPlainName(name);
        try {
            return createFile(name, size);
        } catch (SharedMemoryFullException full) {
            throw full;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** @throws IllegalArgumentException unless {@code name} is a plain file name: letters, digits, {@code . _ -}, not starting with a dot */
    public static void checkPlainName(String name) {
        if (!name.matches("[A-Za-z0-9_\\-][A-Za-z0-9._\\-]{0,254}")) {
            throw new IllegalArgumentException("not a shared memory name (letters, digits, . _ -; no path): " + name);
        }
    }

    /**
     * Maps the segment named {@code besideName-suffix}, creating it ({@code size} bytes, zeros) if
     * it is not there: a segment beside another, as {@link #createBeside}, whose name its users
     * derive (the chunks of a queue's overflow, say). One made by a process that died before using
     * it is simply taken over.
     */
    public static SharedSegment openOrCreateBeside(String besideName, String suffix, long size) throws IOException {
        String name = besideName + "-" + suffix;
        try {
            return open(name);
        } catch (java.nio.file.NoSuchFileException absent) {
            SegmentSweeper.creating();
            try {
                return createFile(name, size);
            } catch (SharedMemoryFullException full) {
                throw full;
            } catch (UncheckedIOException raced) {
                return open(name); // another process made it first
            }
        }
    }

    private static String randomName(String stem) {
        return stem + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static SharedSegment createFile(String name, long size) {
        Path path = DIRECTORY.resolve(name);
        return uninterruptibly(() -> {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                channel.truncate(size);
                if (Native.reserve(path, size) == Native.ENOSPC) {
                    throw new SharedMemoryFullException(path, size);
                }
                return map(name, channel, size);
            } catch (java.nio.file.FileAlreadyExistsException another) {
                throw new UncheckedIOException("cannot create shared memory " + path + ": it exists", another);
            } catch (ClosedByInterruptException interrupted) {
                OwnedFiles.delete(path);
                throw interrupted;
            } catch (SharedMemoryFullException full) {
                OwnedFiles.delete(path);
                throw full;
            } catch (IOException | RuntimeException e) {
                OwnedFiles.delete(path);
                throw new UncheckedIOException("cannot create shared memory " + path,
                        e instanceof IOException io ? io : new IOException(e));
            }
        });
    }

    /** A file step that may fail with ClosedByInterruptException. */
    @FunctionalInterface
    private interface FileStep {
        SharedSegment run() throws IOException;
    }

    /**
     * Runs {@code step} as if the thread were not interrupted, and keeps the interrupt for after:
     * a file channel closes when its thread is interrupted, so a step an interrupt broke is run
     * again (making or mapping a segment is quick, and no wait of the caller's).
     */
    private static SharedSegment uninterruptibly(FileStep step) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return step.run();
                } catch (ClosedByInterruptException again) {
                    interrupted |= Thread.interrupted();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Maps an existing segment by name. */
    public static SharedSegment open(String name) throws IOException {
        Path path = DIRECTORY.resolve(name);
        try {
            return uninterruptibly(() -> {
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    return map(name, channel, channel.size());
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static SharedSegment map(String name, FileChannel channel, long size) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            return new SharedSegment(name, arena, channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /**
     * Makes this process answer for the segment named {@code name}, made by anyone (Python's
     * {@code track=True}): it is removed when this process ends, however it ends, as the
     * segments it created are. The mark is a link named for this process, of the kind
     * {@link OwnedFiles#TRACKED}, to the segment; whoever removes the link removes the segment.
     *
     * @return the mark's name, for {@link #untrack}
     */
    public static String track(String name) throws IOException {
        checkPlainName(name);
        SegmentSweeper.creating();
        String mark = randomName(ProcessIdentity.self().ownedName(PREFIX) + OwnedFiles.TRACKED);
        Files.createSymbolicLink(DIRECTORY.resolve(mark), Path.of(name));
        SegmentSweeper.created(mark);
        return mark;
    }

    /** Removes the mark {@link #track} made, leaving the segment. */
    public static void untrack(String mark) throws IOException {
        Files.deleteIfExists(DIRECTORY.resolve(mark));
    }

    /** The names of the segments of {@code kind} that {@code owner} created and that are still there. */
    public static List<String> namesOf(ProcessIdentity owner, String kind) {
        String prefix = owner.ownedName(PREFIX) + kind + "-";
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        } catch (IOException unlistable) {
            return List.of();
        }
    }

    /** The segment's name in /dev/shm. */
    public String name() {
        return name;
    }

    /** The mapped memory. */
    public MemorySegment memory() {
        return memory;
    }

    /** Removes the name; mappings stay valid until closed. Idempotent. */
    public void unlink() {
        unlink(name);
    }

    /** Removes the segment named {@code name}, which this process need not map; idempotent. */
    public static void unlink(String name) {
        SegmentSweeper.unlink(name);
    }

    /** Removes the name and those of the segments made beside this one ({@link #createBeside}). */
    public void unlinkWithBeside() {
        unlink();
        SegmentSweeper.unlinkStartingWith(name + "-");
    }

    /** Adds a user of this mapping; each user calls {@link #close()} once. */
    public SharedSegment retain() {
        users.incrementAndGet();
        return this;
    }

    /**
     * Drops a user; the last one unmaps the segment. Accesses after unmapping fail with
     * IllegalStateException.
     */
    @Override
    public void close() {
        if (users.decrementAndGet() == 0) {
            arena.close();
        }
    }
}
