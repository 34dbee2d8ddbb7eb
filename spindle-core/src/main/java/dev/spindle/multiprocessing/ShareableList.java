package dev.spindle.multiprocessing;

import dev.spindle.internal.values.SharedList;
import java.io.IOException;
import java.util.List;

/**
 * A fixed-length list in a {@link SharedMemory} block (Python's
 * {@code multiprocessing.shared_memory.ShareableList}): items of type {@code Integer}, {@code Long},
 * {@code Double}, {@code Boolean}, {@code String}, {@code byte[]}, or null, each in a slot sized
 * when the list is made (8 bytes for a number; a string's or bytes' length, rounded up to 8).
 *
 * <p>A {@link List} of fixed size, as {@link java.util.Arrays#asList}: {@code set} works,
 * {@code add} and {@code remove} throw {@link UnsupportedOperationException}. {@code set} refuses
 * (with {@link IllegalArgumentException}) a value of another kind of slot, or a string or bytes
 * longer than its slot, as Python's does; a string is stored in UTF-8. As in Python, a
 * {@code get} that races a {@code set} of the same item may see a mix: guard such items with a
 * cross-process lock.
 *
 * <p>Lifetime: its block's ({@link #shm()}). It travels to children and pool tasks as the block does.
 */
public interface ShareableList extends List<Object> {
    /** A new list of {@code items} in a new tracked block. */
    static ShareableList of(Object... items) {
        return SharedList.create(java.util.Arrays.asList(items));
    }

    /** A new list of {@code items} (nulls allowed) in a new tracked block. */
    static ShareableList create(List<?> items) {
        return SharedList.create(items);
    }

    /** A new list of {@code items} in a new untracked block named {@code name} (see {@link SharedMemory#create(String, long)}). */
    static ShareableList create(String name, List<?> items) throws IOException {
        return SharedList.create(items, name);
    }

    /** The existing list in the block named {@code name}. */
    static ShareableList attach(String name) throws IOException {
        return SharedList.attach(name);
    }

    /** The block the list lives in (Python's {@code shm}). */
    SharedMemory shm();
}
