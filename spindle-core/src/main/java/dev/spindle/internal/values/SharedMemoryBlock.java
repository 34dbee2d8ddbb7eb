package dev.spindle.internal.values;

import dev.spindle.internal.shm.SharedSegment;
import dev.spindle.internal.travel.Travel;
import dev.spindle.multiprocessing.SharedMemory;
import dev.spindle.internal.track.ProcessIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@link SharedMemory} over a {@link SharedSegment}: a tracked one is a segment this process
 * owns (removed at its exit, or by its tracker); a named one is made with exactly its name and
 * left alone. It travels as its name and is attached on arrival.
 */
public final class SharedMemoryBlock implements SharedMemory {
    static {
        Travel.register(SharedMemoryBlock.class, (block, journey) -> new Ref(block.name()));
    }

    /** The form a block crosses in: its name. */
    record Ref(String name) implements Travel.Arrival {
        @Override
        public Object arrive() throws IOException {
            return attach(name);
        }
    }

    private final SharedSegment segment;
    private volatile boolean closed;
    /** The mark by which this process answers for the block ({@link SharedSegment#track}); null if it does not. */
    private volatile String trackMark;

    private SharedMemoryBlock(SharedSegment segment) {
        this.segment = segment;
    }

    static long checkedSize(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a shared memory block needs a positive size, not " + size);
        }
        return size;
    }

    /** A new tracked block of {@code size} bytes. */
    public static SharedMemoryBlock create(long size) {
        return new SharedMemoryBlock(SharedSegment.create("shm", checkedSize(size)));
    }

    /** A new untracked block named {@code name}. */
    public static SharedMemoryBlock createNamed(String name, long size) throws IOException {
        return new SharedMemoryBlock(SharedSegment.createNamed(name, checkedSize(size)));
    }

    /** The block named {@code name}. */
    public static SharedMemoryBlock attach(String name) throws IOException {
        SharedSegment.checkPlainName(name);
        return new SharedMemoryBlock(SharedSegment.open(name));
    }

    /** As {@link #attach} or {@link #createNamed}, and then, if {@code track}, removed when this process ends. */
    public static SharedMemoryBlock tracked(SharedMemoryBlock block, boolean track) throws IOException {
        if (track) {
            try {
                block.trackMark = SharedSegment.track(block.name());
            } catch (IOException | RuntimeException e) {
                block.close();
                throw e;
            }
        }
        return block;
    }

    /** Whether this process answers for the block: it is removed when this process ends (Python's {@code track=True}). */
    private boolean isTracked() {
        return trackMark != null || segment.name().startsWith(ProcessIdentity.self().ownedName(SharedSegment.PREFIX));
    }

    @Override
    public String name() {
        return segment.name();
    }

    @Override
    public long size() {
        return segment.memory().byteSize();
    }

    @Override
    public MemorySegment buf() {
        if (closed) {
            throw new IllegalStateException("this shared memory block is closed in this process");
        }
        return segment.memory();
    }

    @Override
    public ByteBuffer buffer() {
        return buf().asByteBuffer().order(ByteOrder.nativeOrder());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            segment.close();
        }
    }

    @Override
    public void unlink() {
        segment.unlink();
        String mark = trackMark;
        if (mark != null) {
            try {
                SharedSegment.untrack(mark);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot untrack shared memory " + name(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "SharedMemory(name=" + name() + ", size=" + size() + (isTracked() ? ", tracked" : "") + ")";
    }
}
