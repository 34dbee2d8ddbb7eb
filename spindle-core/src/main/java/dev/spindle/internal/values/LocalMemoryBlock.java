package dev.spindle.internal.values;

import dev.spindle.internal.travel.StaysInProcess;
import dev.spindle.multiprocessing.SharedMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A threads context's shared memory: native memory of this JVM, which every thread that holds the
 * block uses. The garbage collector frees it once the block is unreachable, so no thread can touch
 * freed memory; {@link #close()} ends every thread's use through this block (they share one
 * object, as the threads share one process), and {@link #unlink()} has nothing to remove.
 */
public final class LocalMemoryBlock implements SharedMemory, StaysInProcess {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name = "local-shm-" + COUNTER.incrementAndGet();
    private final MemorySegment memory;
    private volatile boolean closed;

    private LocalMemoryBlock(long size) {
        this.memory = Arena.ofAuto().allocate(size, Long.BYTES); // zero-filled
    }

    /** A new zero-filled block of {@code size} bytes. */
    public static LocalMemoryBlock create(long size) {
        return new LocalMemoryBlock(SharedMemoryBlock.checkedSize(size));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return memory.byteSize();
    }

    @Override
    public MemorySegment buf() {
        if (closed) {
            throw new IllegalStateException("this shared memory block is closed");
        }
        return memory;
    }

    @Override
    public ByteBuffer buffer() {
        return buf().asByteBuffer().order(ByteOrder.nativeOrder());
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Nothing to remove: the memory has no name outside this JVM. */
    @Override
    public void unlink() {
    }

    @Override
    public String toString() {
        return "SharedMemory(name=" + name + ", size=" + size() + ", in this JVM)";
    }
}
