package dev.spindle.multiprocessing;

import dev.spindle.internal.values.SharedMemoryBlock;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A block of shared memory (Python's {@code multiprocessing.shared_memory.SharedMemory}): a file in
 * {@code /dev/shm} mapped into each process that uses it, found by its name.
 *
 * <p>Lifetime. {@link #close()} ends this process's use of the block (its mapping); {@link #unlink()}
 * removes the name, after which the memory goes once every process has closed it. A block made
 * unnamed ({@link #create(long)}) is tracked, as Python's default: it is removed when the process
 * that made it unlinks it or ends (also when killed: the resource tracker removes it), and it may
 * be passed to children and pool tasks, which attach it on arrival. A block made with a name
 * ({@link #create(String, long)}) is not tracked (Python's {@code track=False}): it lives until
 * someone unlinks it, whoever made it and whatever happened to them.
 *
 * <p>Memory consistency: none beyond the memory's own; order accesses from several processes with
 * a cross-process lock, or with the {@link MemorySegment} var handles' volatile access modes.
 */
public interface SharedMemory extends AutoCloseable {
    /** A new zero-filled block of {@code size} bytes with a generated name, tracked (see above). */
    static SharedMemory create(long size) {
        return SharedMemoryBlock.create(size);
    }

    /**
     * A new zero-filled block of {@code size} bytes named {@code name}, not tracked (see above).
     *
     * @throws java.nio.file.FileAlreadyExistsException if a block of that name exists (Python's FileExistsError)
     * @throws IllegalArgumentException if {@code name} is not a plain name (letters, digits, {@code . _ -}) or size is not positive
     */
    static SharedMemory create(String name, long size) throws IOException {
        return SharedMemoryBlock.createNamed(name, size);
    }

    /**
     * As {@link #create(String, long)}, and with {@code track} this process answers for the block
     * (Python 3.13's {@code SharedMemory(name, create=True, size=n, track=True)}): it is removed
     * when this process ends, also when killed, unless it was unlinked before.
     */
    static SharedMemory create(String name, long size, boolean track) throws IOException {
        return SharedMemoryBlock.tracked(SharedMemoryBlock.createNamed(name, size), track);
    }

    /**
     * The existing block named {@code name}, mapped into this process, which does not answer for
     * it: the block stays when this process ends (Python's {@code track=False}).
     *
     * @throws java.nio.file.NoSuchFileException if there is none (Python's FileNotFoundError)
     */
    static SharedMemory attach(String name) throws IOException {
        return SharedMemoryBlock.attach(name);
    }

    /**
     * As {@link #attach(String)}; with {@code track}, this process answers for the block from now
     * on (Python 3.13's {@code SharedMemory(name, track=True)}, its default): the block is removed
     * when this process ends, however it ends, unless unlinked before — even if another process
     * made it and still uses it, as in Python. {@link #unlink()} here also ends the tracking.
     */
    static SharedMemory attach(String name, boolean track) throws IOException {
        return SharedMemoryBlock.tracked(SharedMemoryBlock.attach(name), track);
    }

    /** The name other processes attach it by. */
    String name();

    /** Its size in bytes. */
    long size();

    /** The memory (Python's {@code buf}); valid until {@link #close()}. */
    MemorySegment buf();

    /** The memory as a {@link ByteBuffer} (native order), valid until {@link #close()}. */
    ByteBuffer buffer();

    /** Ends this process's use: the mapping goes; the block stays for the others. Idempotent. */
    @Override
    void close();

    /** Removes the name: no one can attach it any more, and its memory goes once every user closed it. Idempotent. */
    void unlink();
}
