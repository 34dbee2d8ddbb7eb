package dev.spindle.internal.shm;

import dev.spindle.internal.track.ProcessIdentity;
import dev.spindle.internal.track.ResourceTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
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
        String name = ProcessIdentity.self().ownedName(PREFIX) + kind + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path path = DIRECTORY.resolve(name);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
            SegmentSweeper.created(name);
            return map(name, channel, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create shared memory " + path, e);
        }
    }

    /** Maps an existing segment by name. */
    public static SharedSegment open(String name) throws IOException {
        Path path = DIRECTORY.resolve(name);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return map(name, channel, channel.size());
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
        SegmentSweeper.unlink(name);
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
